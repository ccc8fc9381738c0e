"""service.no_upper_age; area_alias.option_label

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('service', schema=None) as batch_op:
        batch_op.add_column(sa.Column('no_upper_age', sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table('area_alias', schema=None) as batch_op:
        batch_op.add_column(sa.Column('option_label', sa.String(length=160), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('area_alias', schema=None) as batch_op:
        batch_op.drop_column('option_label')
    with op.batch_alter_table('service', schema=None) as batch_op:
        batch_op.drop_column('no_upper_age')
