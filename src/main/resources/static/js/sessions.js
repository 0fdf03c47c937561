/*
 * The Tenant Session page: auto-refresh with pause, row selection, dialogs and Copy.
 * No inline scripts and no htmx eval, so a CSP with script-src 'self' holds. The page works
 * without this file too: links and forms then load whole pages.
 */
(function () {
  'use strict';

  var REGION = '#session-region';
  var DIALOG = '#session-dialog';
  var userPaused = false;
  var elapsed = 0;
  var keptSelection = [];
  var regionSwapped = false;
  var sessionsChanged = false;
  /* The id of a select whose choice has been applied: it keeps the focus (htmx restores it after the
     swap) but is no longer being edited, until the user opens it again. */
  var appliedChoice = null;

  function region() {
    return document.querySelector(REGION);
  }

  function interval() {
    var select = document.getElementById('refresh');
    var seconds = select ? parseInt(select.value, 10) : 0;
    return isNaN(seconds) ? 0 : seconds;
  }

  function selectedIds() {
    return Array.prototype.map.call(document.querySelectorAll('.row-select:checked'), function (box) {
      return box.value;
    });
  }

  function dialogOpen() {
    return document.querySelector('.modal.show') !== null;
  }

  /* Typing in a search box or choosing in a select must not be wiped out by a refresh. */
  function editing() {
    var active = document.activeElement;
    var home = region();
    if (!active || !home || !home.contains(active)) {
      return false;
    }
    if (appliedChoice !== null && active.id === appliedChoice) {
      return false;
    }
    return active.matches('input[type=search], input[type=text], select') ||
      active.closest('details.column-search[open]') !== null;
  }

  /* Why auto-refresh waits now, as the name of a data-* text on #refresh-status; null when it runs. */
  function pauseReason() {
    if (userPaused) {
      return 'paused';
    }
    if (selectedIds().length > 0) {
      return 'selection';
    }
    if (dialogOpen()) {
      return 'dialog';
    }
    if (editing()) {
      return 'editing';
    }
    if (document.hidden) {
      return 'hidden';
    }
    return null;
  }

  function render() {
    var status = document.getElementById('refresh-status');
    var pause = document.getElementById('refresh-pause');
    var seconds = interval();
    var reason = pauseReason();
    if (pause) {
      pause.disabled = seconds === 0;
      pause.textContent = userPaused ? pause.dataset.labelResume : pause.dataset.labelPause;
      pause.setAttribute('aria-pressed', userPaused ? 'true' : 'false');
    }
    if (!status) {
      return;
    }
    var home = region();
    if (seconds === 0) {
      status.textContent = status.dataset.off;
    } else if (home && home.classList.contains('htmx-request')) {
      status.textContent = status.dataset.loading;
    } else if (reason) {
      status.textContent = status.dataset[reason];
    } else {
      status.textContent = status.dataset.next.replace('%s', String(Math.max(0, seconds - elapsed)));
    }
    status.classList.toggle('text-warning-emphasis', seconds > 0 && reason !== null);
  }

  function refresh() {
    var home = region();
    elapsed = 0;
    if (home && window.htmx && !home.classList.contains('htmx-request')) {
      window.htmx.trigger(home, 'refresh');
    }
  }

  function tick() {
    var seconds = interval();
    if (seconds > 0 && pauseReason() === null) {
      elapsed += 1;
      if (elapsed >= seconds) {
        refresh();
      }
    }
    render();
  }

  function updateSelection() {
    var boxes = document.querySelectorAll('.row-select');
    var checked = selectedIds();
    var all = document.getElementById('select-all');
    if (all) {
      all.checked = boxes.length > 0 && checked.length === boxes.length;
      all.indeterminate = checked.length > 0 && checked.length < boxes.length;
    }
    Array.prototype.forEach.call(boxes, function (box) {
      var row = box.closest('tr');
      if (row) {
        row.classList.toggle('session-selected', box.checked);
      }
    });
    Array.prototype.forEach.call(document.querySelectorAll('.selection-action'), function (button) {
      button.disabled = checked.length === 0;
    });
    var count = document.getElementById('selection-count');
    if (count) {
      count.textContent = checked.length > 0 ? count.dataset.template.replace('%s', String(checked.length)) : '';
    }
    render();
  }

  function copySql(button) {
    var source = document.querySelector(button.dataset.copyTarget);
    var status = button.parentElement.querySelector('.copy-status');
    if (!source) {
      return;
    }
    function say(text) {
      if (status) {
        status.textContent = text;
      }
    }
    function selectForManualCopy() {
      var range = document.createRange();
      range.selectNodeContents(source);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      say(button.dataset.manual);
    }
    // Clipboard access needs a secure context (https or localhost) and the user's permission; a
    // browser may also leave the request unanswered, so do not wait for it long.
    if (!navigator.clipboard || !window.isSecureContext) {
      selectForManualCopy();
      return;
    }
    var settled = false;
    var fallback = window.setTimeout(function () {
      settled = true;
      selectForManualCopy();
    }, 1500);
    navigator.clipboard.writeText(source.textContent).then(function () {
      if (!settled) {
        settled = true;
        window.clearTimeout(fallback);
        say(button.dataset.copied);
      }
    }, function () {
      if (!settled) {
        settled = true;
        window.clearTimeout(fallback);
        selectForManualCopy();
      }
    });
  }

  document.addEventListener('click', function (event) {
    var target = event.target;
    if (!(target instanceof Element)) {
      return;
    }
    if (target.closest('#refresh-pause')) {
      userPaused = !userPaused;
      render();
      return;
    }
    var copy = target.closest('[data-copy-target]');
    if (copy) {
      copySql(copy);
    }
  });

  document.addEventListener('change', function (event) {
    var target = event.target;
    if (!(target instanceof Element)) {
      return;
    }
    if (target.id === 'select-all') {
      Array.prototype.forEach.call(document.querySelectorAll('.row-select'), function (box) {
        box.checked = target.checked;
      });
      updateSelection();
    } else if (target.classList.contains('row-select')) {
      updateSelection();
    } else if (target.id === 'trace-enabled') {
      syncTraceSettings();
    } else if (target.hasAttribute('data-submit-on-change') && target.form) {
      if (target.id === 'refresh') {
        elapsed = 0;
      }
      if (target.matches('select')) {
        appliedChoice = target.id;
      }
      target.form.requestSubmit();
    }
  });

  /* Opening a select again (pointer or keyboard) is editing it again. */
  function touched(event) {
    if (event.target instanceof Element && event.target.id === appliedChoice) {
      appliedChoice = null;
    }
  }
  document.addEventListener('pointerdown', touched);
  document.addEventListener('keydown', touched);

  document.addEventListener('focusout', function () {
    // Leaving a search box lets the countdown go on; show it at once.
    window.setTimeout(render, 0);
  });

  /* The view's URL shows only what was chosen: empty search boxes are left out of it. */
  document.addEventListener('htmx:configRequest', function (event) {
    var detail = event.detail;
    // getAttribute: the form's input named "id" hides the form's own id property.
    if (detail.verb !== 'get' || !detail.elt || detail.elt.getAttribute('id') !== 'session-view') {
      return;
    }
    Array.from(detail.formData.keys()).forEach(function (name) {
      if (detail.formData.getAll(name).every(function (value) { return value === ''; })) {
        delete detail.parameters[name];
      }
    });
  });

  /* A bad parameter (400) and an unreachable target (503) come as fragments that say so: show them. */
  document.addEventListener('htmx:beforeSwap', function (event) {
    var status = event.detail.xhr.status;
    if (status === 400 || status === 503) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
    if (event.detail.shouldSwap && event.detail.target && event.detail.target.id === 'session-region') {
      // Keep the selection across a refresh: the same sessions stay selected where they still are.
      keptSelection = selectedIds();
      regionSwapped = true;
    }
  });

  /* The tracing dialog: the settings only matter while its switch is on. */
  function syncTraceSettings() {
    var toggle = document.getElementById('trace-enabled');
    var settings = document.getElementById('trace-settings');
    if (toggle && settings) {
      settings.disabled = !toggle.checked;
    }
  }

  document.addEventListener('htmx:afterSettle', function () {
    syncTraceSettings();
    if (document.querySelector('#session-dialog-content [data-sessions-changed]')) {
      // Remembered until the dialog closes, even if the dialog moves on to another view.
      sessionsChanged = true;
    }
    if (regionSwapped) {
      regionSwapped = false;
      elapsed = 0;
      Array.prototype.forEach.call(document.querySelectorAll('.row-select'), function (box) {
        box.checked = keptSelection.indexOf(box.value) >= 0;
      });
      keptSelection = [];
      updateSelection();
    }
  });

  document.addEventListener('htmx:beforeRequest', render);

  /* The language switch keeps the view: its links follow the URL htmx pushes as the list changes. */
  document.addEventListener('htmx:pushedIntoHistory', function () {
    Array.prototype.forEach.call(document.querySelectorAll('#language-switch a[data-lang]'), function (link) {
      var url = new URL(window.location.href);
      url.searchParams.set('lang', link.dataset.lang);
      link.setAttribute('href', url.pathname + url.search);
    });
  });

  function wireDialog() {
    var dialog = document.querySelector(DIALOG);
    if (!dialog) {
      return;
    }
    dialog.addEventListener('hidden.bs.modal', function () {
      var content = document.getElementById('session-dialog-content');
      var changed = sessionsChanged || (content && content.querySelector('[data-sessions-changed]') !== null);
      sessionsChanged = false;
      var loading = document.getElementById('session-dialog-loading');
      if (content && loading) {
        content.replaceChildren(loading.content.cloneNode(true));
      }
      if (changed) {
        // Sessions were closed: show the list as it is now.
        refresh();
      }
      render();
    });
  }

  function start() {
    wireDialog();
    syncTraceSettings();
    updateSelection();
    window.setInterval(tick, 1000);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
