# The two commands: `make run` and `make test`. Everything else is set-up they call.
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: privacy-question-eval service-question-eval list-question-eval bench-model-load bench-reproducible-training bench-plain-answer test-fast bench-staff typed-eval concern-eval next-step-eval chaos privacy-eval safety-eval context-eval domain-languages widget-styles help run test setup venv db model postgres chromium browser-tools lint nlu-eval bench lock clean staff-user

help:
	@echo "make run   - set up whatever is missing, then start the bot (widget on localhost)"
	@echo "make test  - set up whatever is missing, then run every test"

# Two Rasa servers, one per core (bot/run.py; docs/benchmarks.md); RASA_SERVER_COUNT=1 make run
# (or in .env) for one: half the memory, 1.1 GB per server.
run: setup
	@$(PY) -m bot.run

# Two test processes (pytest-xdist), one per core; a file's tests stay in one process, so each
# server a file starts is started once. TEST_WORKERS=1 make test for one process; one also when
# TEST_POSTGRES_URL names a shared database (each process's tests would load it at once).
TEST_WORKERS ?= $(if $(TEST_POSTGRES_URL),1,2)
test: setup postgres chromium browser-tools redis nginx lint
	@$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile

setup: venv db model

venv: $(STAMP)

$(STAMP): requirements.txt constraints.txt scripts/setup_venv.sh scripts/find_python.sh
	@scripts/setup_venv.sh
	@touch $@

# The services database is rebuilt from the seed files whenever they (or the loader) change.
db: venv
	@$(PY) -m services_db load --if-changed

# Trains only when config.yml, domain.yml, data/ or the custom components changed.
model: venv
	@$(PY) -m bot.train

# The directory tests also run against a real PostgreSQL server (installed if missing).
postgres:
	@[ -n "$$TEST_POSTGRES_URL" ] || scripts/ensure_debian_package.sh postgresql "the database tests" initdb '/usr/lib/postgresql/*/bin/initdb'

# The scale-out test (tests/test_scale_out.py) and `make scale-demo` run real Redis (lock
# store) and nginx (load balancer) servers on loopback (installed if missing).
redis:
	@scripts/ensure_debian_package.sh redis-server "the scale-out test (Redis lock store)" redis-server
nginx:
	@scripts/ensure_debian_package.sh nginx-light "the scale-out test (load balancer)" nginx /usr/sbin/nginx

# Browser tests drive Debian's Chromium (installed if missing).
chromium:
	@[ -n "$$CHROMIUM_PATH" ] || scripts/ensure_debian_package.sh chromium "the browser tests" chromium

# axe-core (from npm, pinned by package-lock.json) for the accessibility scan in the browser tests.
BROWSER_TOOLS := tests/browser_tools
browser-tools: $(BROWSER_TOOLS)/node_modules/.package-lock.json

$(BROWSER_TOOLS)/node_modules/.package-lock.json: $(BROWSER_TOOLS)/package.json $(BROWSER_TOOLS)/package-lock.json
	@npm ci --prefix $(BROWSER_TOOLS) --no-audit --no-fund --silent

# The widget's stylesheet, built from NHS.UK frontend (npm, pinned by package-lock.json)
# into bot/web/static/nhsuk-widget.css, which is committed: `make run` needs no npm.
WIDGET_FRONTEND := bot/web/frontend
widget-styles:
	@npm ci --prefix $(WIDGET_FRONTEND) --no-audit --no-fund --silent
	@npm run --prefix $(WIDGET_FRONTEND) build --silent

# A staff review account: make staff-user NAME=priya [ADMIN=1] (asks for the password; never on the command line).
staff-user: venv
	@[ -n "$(NAME)" ] || { echo "Usage: make staff-user NAME=yourname [ADMIN=1]"; exit 2; }
	@$(PY) -m bot.staff users add "$(NAME)" $(if $(ADMIN),--admin)

bench: setup
	@$(PY) -m benchmarks.query_benchmark
	@$(PY) -m benchmarks.gazetteer_benchmark

# The staff app's overview and gaps pages over 10,000 synthetic conversations (issue 14).
bench-staff: venv
	@$(PY) -m benchmarks.staff_overview $(ARGS)

# The scale-out deployment of deploy/ on this machine, under load (benchmarks/scale_demo.py).
scale-demo: setup postgres redis nginx
	@$(PY) -m benchmarks.scale_demo $(ARGS)

# Turn latency and capacity, ours against a stock `rasa init` bot (docs/benchmarks.md).
# Options: make bench-load ARGS="--quick" (see .venv/bin/python -m benchmarks.run --help).
bench-load: setup
	@$(PY) -m benchmarks.run $(ARGS)

# Whether two trainings of the same data give the same model (bot/train.py; docs/benchmarks.md).
bench-reproducible-training: venv
	@$(PY) -m benchmarks.training_reproducibility $(ARGS)

# How long a Rasa server takes to load the model, Rasa's own way and ours (bot/fast_model_load.py).
bench-model-load: setup
	@$(PY) -m benchmarks.model_load $(ARGS)

# How many of the project's risk messages would pass as a plain answer (signposting/plain_answer.py).
bench-plain-answer: setup
	@$(PY) -m benchmarks.plain_answer_safety $(ARGS)

# `make run`'s stack under load while its processes are killed (benchmarks/chaos.py).
# Options: make chaos ARGS="--duration 300 --users 6" (see .venv/bin/python -m benchmarks.chaos --help).
chaos: setup
	@$(PY) -m benchmarks.chaos $(ARGS)

# Ruff and mypy, configured in pyproject.toml.
lint: venv
	@$(PY) -m ruff check .
	@$(PY) -m mypy

# The quick loop while you work: no servers, no browser, no PostgreSQL, no trained model, no
# training inside a test; under 2 minutes of CPU (measured: README.md, "Tests").
test-fast: venv db
	@$(PY) -m pytest -q -m "not servers and not rasa and not browser and not postgres and not trains"

nlu-eval: setup
	@$(PY) -m bot.nlu_eval

# Questions about the chat's privacy, asked of the whole trained bot (issue #12; held out, figures only):
# make privacy-question-eval [ARGS="FILE.jsonl ... --show-failures N"] (default: tests/privacy_questions/*).
privacy-question-eval: setup
	@$(PY) -m bot.chat_question_eval privacy $(ARGS)

# "Is it free?", "when are you open", "how old do u have to be", asked of the whole trained bot
# (issue #12). make service-question-eval [ARGS=...] (default: tests/service_questions/*).
service-question-eval: setup
	@$(PY) -m bot.chat_question_eval service $(ARGS)

# Questions typed after the list ("can I text any of these"): held-out author L1 (figures only).
list-question-eval: setup
	@$(PY) -m bot.list_question_eval $(or $(ARGS),tests/list_questions/L1.jsonl)

# Typed answers to each question, understood by the whole trained bot (issue #12):
# make typed-eval [ARGS="FILE.jsonl ... --show-failures N"] (default: tests/typed_answers/*).
typed-eval: setup
	@$(PY) -m bot.typed_eval $(ARGS)

# The concern rules, the concern model and their combination on the development sets (a
# component figure for choosing thresholds; held-out authors are measured by typed-eval).
CONCERN_DEV = tests/concerns/dev.tsv tests/typed_answers/dev/typed_D1.jsonl tests/typed_answers/dev/typed_D2.jsonl tests/concern_answers/C1.jsonl
concern-eval: venv
	@$(PY) -m bot.concern_eval $(or $(ARGS),$(CONCERN_DEV))

# The next-step model, each training author left out in turn (a component figure for choosing its
# threshold; the whole bot on held-out authors T7 and T8 is typed-eval).
next-step-eval: venv
	@$(PY) -m bot.next_step_eval $(ARGS)

# What a user gets from the whole trained bot on risk messages: leave-one-author-out over the
# risk corpus, the held-out gate author, conversations, the shared real messages (docs/safety.md).
safety-eval: setup
	@$(PY) -m bot.safety_eval $(ARGS)

# The context conversations typed message by message into the whole trained bot, as a user would
# (safety-eval reads them from the user's messages alone): benchmarks/context_whole_bot.py, ~3 min.
context-eval: setup
	@$(PY) -m benchmarks.context_whole_bot $(ARGS)

# Copy the interpreter lines (signposting/interpreter_lines.yml) into domain.yml.
domain-languages: venv
	@$(PY) -m signposting.languages --write-domain

# Redaction recall and over-redaction on the PII sets (tests/privacy, tests/privacy_dev):
# make privacy-eval [ARGS="DIR --show-misses"]
privacy-eval: venv
	@$(PY) -m bot.privacy_eval $(ARGS)

lock:
	@rm -rf /tmp/lock-venv && "$$(scripts/find_python.sh)" -m venv /tmp/lock-venv
	@/tmp/lock-venv/bin/pip install --quiet -r requirements.txt
	@/tmp/lock-venv/bin/pip check
	@{ echo "# Exact versions of every installed package; pip check passes."; \
	   echo "# Applied with -c on every install. Regenerate with: make lock"; \
	   /tmp/lock-venv/bin/pip freeze | grep -v -E "^(pkg_resources|-e )"; } > constraints.txt

clean:
	rm -rf $(VENV) models var results test-artifacts
