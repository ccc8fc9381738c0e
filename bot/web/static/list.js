// A Print button on the saved-list page (the page works without it).
(function () {
  "use strict";
  const heading = document.querySelector("h1");
  if (!heading || !document.querySelector(".service")) { return; }
  const button = document.createElement("button");
  button.type = "button";
  button.className = "print";
  button.textContent = "Print or save as PDF";
  button.addEventListener("click", function () { window.print(); });
  heading.insertAdjacentElement("afterend", button);
})();
