// brukervalg: progressive enhancement only. Every page works without this
// script: filters are links to pre-built pages, and the side-by-side page
// shows every provider. With it, filters combine in place, providers can be
// ticked for the side-by-side page, and that page shows the ones ticked;
// the state is in the address, so a link can be shared and printed.
//
// What the script reads (stable, for the browser tests too):
// - table[data-filter-table] tbody tr[data-provider]: one row per provider
//   of the service, on the service page and on every filter page. Each row
//   has data-bydel, data-sprak, data-eierskap and data-kapasitet: the
//   space-separated values of the pre-built filter pages that list it (the
//   same model builds both). Rows outside a filter page's own filter are
//   there but hidden, so counts are always out of the whole service.
// - [data-filters] .filter-group[data-key] a[data-value]: the links to the
//   pre-built pages (tjenester/<service>/<key>/<value>/, in the site's
//   language: every address word comes from the page); the one for the
//   page itself has aria-current="page" and starts selected.
// - It makes select#filter-<key> per group, shows the rows that match every
//   chosen value (tr:not([hidden])), says "Viser n av N" in a role=status
//   paragraph, and puts the choice in the address as
//   tjenester/<service>/?<key>=<value>&... (the service page), which gives
//   the same rows when opened.
// - The side-by-side page reads ?valgt=<provider> (the parameter's name is
//   the table's data-param, data-compare-param on the list: nynorsk sites
//   say valt), up to three, and hides the other columns: the heads
//   ([data-compare] thead [data-provider]) and the cells at their
//   positions in every row.
(function () {
  'use strict';

  // "{n} {n|leverandør|leverandører}": a count chooses its words, as the
  // pages do (src/messages.rs, choose_forms).
  function format(template, values) {
    var chosen = template.replace(/\{(\w+)\|((?:[^{}|]|\{\w+\})*)\|((?:[^{}]|\{\w+\})*)\}/g,
      function (_, key, one, other) { return values[key] === 1 ? one : other; });
    return chosen.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  function liveRegion(after) {
    var status = document.createElement('p');
    status.className = 'live-status';
    status.setAttribute('role', 'status');
    after.parentNode.insertBefore(status, after.nextSibling);
    return status;
  }

  var table = document.querySelector('[data-filter-table]');
  var rows = table ? Array.prototype.slice.call(table.tBodies[0].rows) : [];

  // Filters: selects built from the filter links, starting from the filter
  // of the page (if any) and the address.
  var filters = document.querySelector('[data-filters]');
  // A long service's pages hold only their own rows (data-partial): there
  // the pre-built filter links stay, as any count would be of one page.
  var partial = table && table.hasAttribute('data-partial');
  if (filters && table && !partial && window.URLSearchParams && window.history && history.replaceState) {
    var form = document.createElement('div');
    form.className = 'filter-form';
    var selects = [];
    var labels = {};
    each(filters.querySelectorAll('.filter-group'), function (group) {
      var key = group.getAttribute('data-key');
      var label = document.createElement('label');
      label.setAttribute('for', 'filter-' + key);
      label.textContent = group.querySelector('h2, h3, h4, h5').textContent;
      var select = document.createElement('select');
      select.id = 'filter-' + key;
      select.name = key;
      select.add(new Option(filters.getAttribute('data-msg-all'), ''));
      each(group.querySelectorAll('a[data-value]'), function (a) {
        var value = a.getAttribute('data-value');
        select.add(new Option(a.textContent, value));
        labels[key + '=' + value] = a.textContent;
        if (a.getAttribute('aria-current')) select.value = value;
      });
      var field = document.createElement('div');
      field.className = 'filter-field';
      field.appendChild(label);
      field.appendChild(select);
      form.appendChild(field);
      selects.push(select);
      group.hidden = true;
    });
    // Before what every provider has, which stays in view as it was.
    filters.insertBefore(form, filters.querySelector('.filters-common'));
    var status = liveRegion(form);
    var initial = new URLSearchParams(window.location.search);
    selects.forEach(function (s) {
      var wanted = initial.get(s.name);
      if (wanted && Array.prototype.some.call(s.options, function (o) { return o.value === wanted; })) s.value = wanted;
    });
    // Open when a filter is in force, so the reader sees what is chosen.
    if (selects.some(function (s) { return s.value; })) filters.open = true;
    var heading = document.querySelector('[data-filter-heading]');
    var countLine = document.querySelector('[data-filter-count]');
    // The title begins with the heading; it must name the same filter.
    var plainText = function (text) { return text.replace(/[\u00ad\u200b]/g, ''); };
    var firstHeading = heading ? plainText(heading.textContent) : '';
    var titleRest = heading && document.title.indexOf(firstHeading) === 0 ? document.title.slice(firstHeading.length) : null;
    var serviceHref = filters.getAttribute('data-service-href');

    var apply = function (announce) {
      var shown = 0;
      rows.forEach(function (row) {
        var match = selects.every(function (s) {
          return !s.value || (row.getAttribute('data-' + s.name) || '').split(' ').indexOf(s.value) !== -1;
        });
        row.hidden = !match;
        if (match) shown += 1;
      });
      var params = new URLSearchParams();
      var chosen = [];
      selects.forEach(function (s) {
        if (s.value) {
          params.set(s.name, s.value);
          chosen.push(labels[s.name + '=' + s.value]);
        }
      });
      var query = params.toString();
      // A filter page's own address would contradict a changed choice; the
      // service page with the choice in the query gives the same list.
      var path = heading ? serviceHref : window.location.pathname;
      if (announce) history.replaceState(null, '', path + (query ? '?' + query : '') + window.location.hash);
      var message = format(filters.getAttribute('data-msg-results'), { n: shown });
      if (heading) {
        heading.textContent = filters.getAttribute('data-service-name') + (chosen.length ? ': ' + chosen.join(', ') : '');
        countLine.textContent = message;
        if (titleRest !== null) document.title = plainText(heading.textContent) + titleRest;
      }
      if (announce) status.textContent = message;
    };
    selects.forEach(function (s) { s.addEventListener('change', function () { apply(true); }); });
    apply(false);
  }

  // Ticking providers for the side-by-side page: at most three.
  if (table && table.getAttribute('data-compare-href') && table.getAttribute('data-compare-param')) {
    var msg = function (name) { return table.getAttribute('data-msg-' + name); };
    var param = table.getAttribute('data-compare-param');
    var boxes = [];
    rows.forEach(function (row) {
      var cell = row.cells[0];
      var slug = row.getAttribute('data-provider');
      var label = document.createElement('label');
      label.className = 'pick';
      var box = document.createElement('input');
      box.type = 'checkbox';
      box.value = slug;
      var name = document.createElement('span');
      name.className = 'visually-hidden';
      name.textContent = ' ' + cell.querySelector('a').textContent;
      label.appendChild(box);
      label.appendChild(document.createTextNode(msg('pick')));
      label.appendChild(name);
      cell.appendChild(label);
      boxes.push(box);
    });
    var actions = document.createElement('p');
    actions.className = 'compare-actions';
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = msg('button');
    var hint = document.createElement('span');
    hint.textContent = msg('hint');
    actions.appendChild(button);
    actions.appendChild(hint);
    var wrapper = table.parentNode;
    wrapper.parentNode.insertBefore(actions, wrapper.nextSibling);
    var pickStatus = liveRegion(actions);
    var ticked = function () { return boxes.filter(function (b) { return b.checked; }); };
    boxes.forEach(function (box) {
      box.addEventListener('change', function () {
        if (box.checked && ticked().length > 3) {
          box.checked = false;
          pickStatus.textContent = msg('limit');
        } else {
          pickStatus.textContent = '';
        }
      });
    });
    button.addEventListener('click', function () {
      var chosen = ticked();
      if (chosen.length < 2) {
        pickStatus.textContent = msg('need-two');
        return;
      }
      window.location.href = table.getAttribute('data-compare-href') + '?' +
        chosen.map(function (b) { return param + '=' + encodeURIComponent(b.value); }).join('&');
    });
  }

  // The side-by-side page: only the columns named in the address.
  var grid = document.querySelector('[data-compare]');
  if (grid && grid.getAttribute('data-param') && window.URLSearchParams) {
    var wanted = new URLSearchParams(window.location.search).getAll(grid.getAttribute('data-param'));
    var heads = Array.prototype.slice.call(grid.tHead.querySelectorAll('[data-provider]'));
    var known = heads.map(function (h) { return h.getAttribute('data-provider'); })
      .filter(function (slug) { return wanted.indexOf(slug) !== -1; })
      .slice(0, 3);
    if (known.length > 0) {
      // The cells of a column are found by the position of its head, so
      // the cells need no name of their own.
      var hide = Array.prototype.map.call(grid.tHead.rows[0].cells, function (cell) {
        var slug = cell.getAttribute('data-provider');
        return slug !== null && known.indexOf(slug) === -1;
      });
      each(grid.rows, function (row) {
        each(row.cells, function (cell, i) { cell.hidden = hide[i]; });
      });
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
