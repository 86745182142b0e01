// Small progressive enhancements for the staff console. Every page works without this file.
(function () {
  'use strict';
  function csrf() {
    var f = document.querySelector('input[name="csrf"]');
    return f ? f.value : '';
  }

  // Live delivery progress: any element with data-progress="<newsletter id>" polls GET /api/newsletters/{id}.
  function poll(el) {
    var id = el.getAttribute('data-progress');
    fetch('/api/newsletters/' + encodeURIComponent(id), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (p) {
        if (!p) { return; }
        ['status', 'sent', 'failed', 'pending', 'total'].forEach(function (k) {
          var f = el.querySelector('[data-field="' + k + '"]');
          // a status shows in the page's language: its words sit on the element as data-draft, data-sent, ...
          if (f) { f.textContent = (k === 'status' && f.getAttribute('data-' + String(p[k]).toLowerCase())) || p[k]; }
        });
        var bar = el.querySelector('progress');
        if (bar) { bar.max = Math.max(1, p.total); bar.value = p.sent + p.failed; }
        if (p.status !== 'SENT' || p.pending > 0) { setTimeout(function () { poll(el); }, 1500); }
      })
      .catch(function () { setTimeout(function () { poll(el); }, 5000); });
  }
  document.querySelectorAll('[data-progress]').forEach(poll);

  // A table that scrolls sideways on a narrow screen must be reachable by keyboard; pages that do not say so in
  // their markup get it here.
  document.querySelectorAll('.table-wrap:not([tabindex])').forEach(function (w) { w.tabIndex = 0; });

  // Newsletter composer: live preview of the email and Telegram renderings, debounced.
  var composer = document.getElementById('composer');
  if (composer) {
    var timer = null;
    var render = function () {
      var body = new URLSearchParams(new FormData(composer));
      fetch('/console/newsletters/preview', { method: 'POST', body: body, credentials: 'same-origin',
        headers: { 'X-CSRF-Token': csrf() } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (p) {
          if (!p) { return; }
          document.getElementById('preview-email-en').srcdoc = p.emailEn;
          document.getElementById('preview-email-cy').srcdoc = p.emailCy;
          document.getElementById('preview-telegram-en').srcdoc = p.telegramEn;
          document.getElementById('preview-telegram-cy').srcdoc = p.telegramCy;
          document.getElementById('audience-count').textContent = p.audience;
        });
    };
    composer.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(render, 400); });
    render();
  }

  // CSV import: reading a chosen file into the text box, so the preview needs no upload step.
  var file = document.getElementById('csv-file');
  if (file) {
    file.addEventListener('change', function () {
      if (!file.files.length) { return; }
      var reader = new FileReader();
      reader.onload = function () { document.getElementById('csv').value = reader.result; };
      reader.readAsText(file.files[0]);
    });
  }
})();
