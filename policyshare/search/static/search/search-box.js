/*
 * Search as you type: titles suggested under every search box that names its suggestion
 * address in data-suggest-url (the site header's and the search page's).
 *
 * The ARIA 1.2 combobox pattern: the input is a combobox controlling a listbox of options; the
 * option chosen with the arrow keys is announced through aria-activedescendant while the
 * focus stays in the input. Enter opens the chosen title's page; with none chosen, Enter
 * submits the form as usual. Escape closes the list. Without this script the box is a plain
 * form that submits to the search page.
 */
(function () {
  "use strict";

  var DEBOUNCE_MS = 200;
  var MIN_CHARACTERS = 2;

  function SearchBox(input) {
    this.input = input;
    this.url = input.dataset.suggestUrl;
    this.statusTemplate = input.dataset.suggestStatus || "{count}";
    this.suggestions = [];
    this.active = -1;
    this.timer = null;
    this.request = null;

    this.listbox = document.createElement("ul");
    this.listbox.id = input.id + "-suggestions";
    this.listbox.className = "search-suggestions";
    this.listbox.setAttribute("role", "listbox");
    this.listbox.setAttribute("aria-label", input.dataset.suggestLabel || "");
    this.listbox.hidden = true;
    // Announces how many suggestions arrived; screen readers are not told of a listbox otherwise.
    this.status = document.createElement("p");
    this.status.className = "visually-hidden";
    this.status.setAttribute("role", "status");
    input.parentNode.appendChild(this.listbox);
    input.parentNode.appendChild(this.status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", this.listbox.id);
    input.setAttribute("autocomplete", "off");

    input.addEventListener("input", this.onInput.bind(this));
    input.addEventListener("keydown", this.onKeyDown.bind(this));
    input.addEventListener("blur", this.close.bind(this));
    // mousedown, not click: a click would blur the input first, which closes the list.
    this.listbox.addEventListener("mousedown", this.onPointer.bind(this));
  }

  SearchBox.prototype.onInput = function () {
    window.clearTimeout(this.timer);
    var query = this.input.value;
    if (query.trim().length < MIN_CHARACTERS) {
      this.show([]);
      return;
    }
    this.timer = window.setTimeout(this.fetch.bind(this, query), DEBOUNCE_MS);
  };

  SearchBox.prototype.fetch = function (query) {
    if (this.request) {
      this.request.abort(); // an answer to an older query must not replace a newer one
    }
    var request = new AbortController();
    this.request = request;
    var self = this;
    window
      .fetch(this.url + "?" + new URLSearchParams({ q: query }), {
        headers: { Accept: "application/json" },
        signal: request.signal,
      })
      .then(function (response) {
        return response.ok ? response.json() : { suggestions: [] };
      })
      .then(function (data) {
        if (self.request === request && self.input.value === query) {
          self.show(data.suggestions || []);
        }
      })
      .catch(function () {
        // Aborted or offline: suggestions are a convenience, the form still works.
      });
  };

  SearchBox.prototype.show = function (suggestions) {
    this.suggestions = suggestions;
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    this.listbox.textContent = "";
    var self = this;
    suggestions.forEach(function (suggestion, position) {
      var option = document.createElement("li");
      option.id = self.listbox.id + "-" + position;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.textContent = suggestion.title;
      option.dataset.position = String(position);
      self.listbox.appendChild(option);
    });
    var open = suggestions.length > 0;
    this.listbox.hidden = !open;
    this.input.setAttribute("aria-expanded", String(open));
    this.status.textContent = open
      ? this.statusTemplate.replace("{count}", String(suggestions.length))
      : "";
  };

  SearchBox.prototype.close = function () {
    window.clearTimeout(this.timer);
    if (this.request) {
      this.request.abort();
      this.request = null;
    }
    this.show([]);
  };

  SearchBox.prototype.choose = function (position) {
    var options = this.listbox.children;
    if (this.active >= 0) {
      options[this.active].setAttribute("aria-selected", "false");
    }
    this.active = position;
    if (position < 0) {
      this.input.removeAttribute("aria-activedescendant");
      return;
    }
    options[position].setAttribute("aria-selected", "true");
    options[position].scrollIntoView({ block: "nearest" });
    this.input.setAttribute("aria-activedescendant", options[position].id);
  };

  SearchBox.prototype.open = function (position) {
    window.location.assign(this.suggestions[position].url);
  };

  SearchBox.prototype.onKeyDown = function (event) {
    var count = this.suggestions.length;
    switch (event.key) {
      case "ArrowDown":
        if (!count) return;
        event.preventDefault();
        this.choose(this.active + 1 < count ? this.active + 1 : 0);
        break;
      case "ArrowUp":
        if (!count) return;
        event.preventDefault();
        this.choose(this.active > 0 ? this.active - 1 : count - 1);
        break;
      case "Enter":
        if (this.active >= 0) {
          event.preventDefault();
          this.open(this.active);
        }
        break;
      case "Escape":
        if (count) {
          event.preventDefault();
          this.close();
        }
        break;
    }
  };

  SearchBox.prototype.onPointer = function (event) {
    var option = event.target.closest("[role=option]");
    if (option) {
      event.preventDefault();
      this.open(Number(option.dataset.position));
    }
  };

  document.querySelectorAll("input[data-suggest-url]").forEach(function (input) {
    if (input.id && input.form && window.fetch && window.AbortController) {
      new SearchBox(input);
    }
  });
})();
