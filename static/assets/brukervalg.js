// brukervalg: progressive enhancement only. Every page works without this
// script: filters are links to pre-built pages, and the comparison page
// shows every provider. With it, filters combine in place and the
// comparison shows the providers chosen, with the state in the address so
// a link can be shared and printed.
(function () {
  'use strict';

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  function liveRegion(after) {
    var status = document.createElement('p');
    status.className = 'live-status';
    status.setAttribute('role', 'status');
    after.parentNode.insertBefore(status, after.nextSibling);
    return status;
  }

  // Filters on a service page: selects built from the filter links.
  var filters = document.querySelector('[data-filters]');
  var table = document.querySelector('[data-filter-table]');
  if (filters && table && window.URLSearchParams && window.history && history.replaceState) {
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var form = document.createElement('div');
    form.className = 'filter-form';
    var selects = [];
    Array.prototype.forEach.call(filters.querySelectorAll('.filter-group'), function (group, i) {
      var key = group.getAttribute('data-key');
      var id = 'filter-' + key;
      var label = document.createElement('label');
      label.setAttribute('for', id);
      label.textContent = group.querySelector('h3, h4').textContent;
      var select = document.createElement('select');
      select.id = id;
      select.name = key;
      select.add(new Option(filters.getAttribute('data-msg-all'), ''));
      Array.prototype.forEach.call(group.querySelectorAll('a[data-value]'), function (a) {
        select.add(new Option(a.textContent, a.getAttribute('data-value')));
      });
      var field = document.createElement('div');
      field.className = 'filter-field';
      field.appendChild(label);
      field.appendChild(select);
      form.appendChild(field);
      selects.push(select);
      group.hidden = true;
    });
    filters.appendChild(form);
    filters.open = true;
    var status = liveRegion(form);
    var initial = new URLSearchParams(window.location.search);
    selects.forEach(function (s) {
      var wanted = initial.get(s.name);
      if (wanted && Array.prototype.some.call(s.options, function (o) { return o.value === wanted; })) s.value = wanted;
    });

    var apply = function (announce) {
      var shown = 0;
      rows.forEach(function (row) {
        var match = selects.every(function (s) {
          return !s.value || (row.getAttribute('data-' + s.name) || '').split(' ').indexOf(s.value) !== -1;
        });
        row.hidden = !match;
        if (match) shown += 1;
      });
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (s) { if (s.value) params.set(s.name, s.value); else params.delete(s.name); });
      var query = params.toString();
      history.replaceState(null, '', window.location.pathname + (query ? '?' + query : '') + window.location.hash);
      if (announce) status.textContent = format(filters.getAttribute('data-msg-results'), { n: shown, total: rows.length });
    };
    selects.forEach(function (s) { s.addEventListener('change', function () { apply(true); }); });
    apply(selects.some(function (s) { return s.value; }));
  }

  // Choosing providers to compare: at most three.
  var compareForm = document.querySelector('.compare-form');
  if (compareForm) {
    var limitStatus = liveRegion(compareForm.querySelector('.compare-actions'));
    compareForm.addEventListener('change', function (event) {
      var boxes = compareForm.querySelectorAll('input[name="valgt"]:checked');
      if (event.target.checked && boxes.length > 3) {
        event.target.checked = false;
        limitStatus.textContent = compareForm.getAttribute('data-msg-limit');
      } else {
        limitStatus.textContent = '';
      }
    });
  }

  // The comparison page: show only the providers named in the address.
  var grid = document.querySelector('[data-compare]');
  if (grid && window.URLSearchParams) {
    var chosen = new URLSearchParams(window.location.search).getAll('valgt');
    var cards = Array.prototype.slice.call(grid.querySelectorAll('[data-provider]'));
    var known = cards.filter(function (c) { return chosen.indexOf(c.getAttribute('data-provider')) !== -1; });
    if (known.length > 0) {
      cards.forEach(function (c) { c.hidden = known.indexOf(c) === -1; });
      grid.classList.add('compare-selected');
      var note = document.querySelector('[data-compare-status]');
      note.textContent = format(grid.getAttribute('data-msg-selected'), { n: known.length }) + ' ';
      var all = document.createElement('a');
      all.href = window.location.pathname;
      all.textContent = grid.getAttribute('data-msg-show-all');
      note.appendChild(all);
    }
  }
})();
