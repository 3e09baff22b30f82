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
//   positions in every row. That part is inline in compare.html, so it
//   runs before the page is first drawn.
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

  // The header's menus close on Escape (focus back on their button), when
  // focus leaves them and on a click outside, so an open menu never covers
  // what has focus (WCAG 2.4.11); header.menus-close lets them open over
  // the page (style.css), as they now close again.
  var header = document.querySelector('header');
  var menus = header ? header.querySelectorAll('details.menu') : [];
  each(menus, function (menu) {
    var summary = menu.querySelector('summary');
    menu.addEventListener('keydown', function (e) {
      if ((e.key === 'Escape' || e.key === 'Esc') && menu.open) {
        menu.open = false;
        summary.focus();
        e.preventDefault();
      }
    });
    menu.addEventListener('focusout', function (e) {
      if (menu.open && e.relatedTarget && !menu.contains(e.relatedTarget)) menu.open = false;
    });
    menu.addEventListener('toggle', function () {
      if (menu.open) each(menus, function (other) { if (other !== menu) other.open = false; });
    });
  });
  if (menus.length) {
    document.addEventListener('click', function (e) {
      each(menus, function (menu) { if (menu.open && !menu.contains(e.target)) menu.open = false; });
    });
    header.classList.add('menus-close');
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

  // Ticking providers for the side-by-side page: at most three. The box is
  // in a cell of its own (the row header keeps the provider's name alone),
  // the instructions come before the boxes and describe each of them, and
  // every tick is listed with a remove button, also one on a row a filter
  // hides, so the count the limit is about can be seen and changed.
  if (table && table.getAttribute('data-compare-href') && table.getAttribute('data-compare-param')) {
    var msg = function (name) { return table.getAttribute('data-msg-' + name); };
    var param = table.getAttribute('data-compare-param');
    var wrapper = table.parentNode;
    var hint = document.createElement('p');
    hint.className = 'compare-hint';
    hint.id = 'compare-hint';
    hint.textContent = msg('hint');
    wrapper.parentNode.insertBefore(hint, wrapper);
    var head = document.createElement('th');
    head.scope = 'col';
    head.className = 'pick-cell';
    head.textContent = msg('pick');
    table.tHead.rows[0].appendChild(head);
    var boxes = [];
    var names = {};
    rows.forEach(function (row) {
      var slug = row.getAttribute('data-provider');
      var cell = document.createElement('td');
      cell.className = 'pick-cell';
      var label = document.createElement('label');
      label.className = 'pick';
      var box = document.createElement('input');
      box.type = 'checkbox';
      box.value = slug;
      box.setAttribute('aria-describedby', 'compare-hint');
      names[slug] = row.cells[0].querySelector('a').textContent.replace(/\u00ad/g, '');
      var name = document.createElement('span');
      name.className = 'visually-hidden';
      name.textContent = ' ' + names[slug];
      label.appendChild(box);
      label.appendChild(document.createTextNode(msg('pick')));
      label.appendChild(name);
      cell.appendChild(label);
      row.appendChild(cell);
      boxes.push(box);
    });
    var actions = document.createElement('div');
    actions.className = 'compare-actions';
    var chosenLine = document.createElement('p');
    chosenLine.className = 'compare-chosen';
    chosenLine.hidden = true;
    var chosenList = document.createElement('ul');
    chosenList.className = 'compare-chosen-list';
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = msg('button');
    actions.appendChild(chosenLine);
    actions.appendChild(chosenList);
    actions.appendChild(button);
    wrapper.parentNode.insertBefore(actions, wrapper.nextSibling);
    var pickStatus = liveRegion(actions);
    var ticked = function () { return boxes.filter(function (b) { return b.checked; }); };
    var listChosen = function () {
      var chosen = ticked();
      chosenLine.hidden = chosen.length === 0;
      chosenLine.textContent = format(msg('chosen'), { n: chosen.length });
      while (chosenList.firstChild) chosenList.removeChild(chosenList.firstChild);
      chosen.forEach(function (box) {
        var item = document.createElement('li');
        item.appendChild(document.createTextNode(names[box.value] + ' '));
        var remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'remove';
        remove.textContent = msg('remove');
        var whom = document.createElement('span');
        whom.className = 'visually-hidden';
        whom.textContent = ' ' + names[box.value];
        remove.appendChild(whom);
        remove.addEventListener('click', function () {
          box.checked = false;
          listChosen();
          pickStatus.textContent = '';
          // Focus must not fall to the page: the list's next button, or the
          // button that sends the ticks.
          var next = chosenList.querySelector('button.remove');
          (next || button).focus();
        });
        item.appendChild(remove);
        chosenList.appendChild(item);
      });
    };
    boxes.forEach(function (box) {
      box.addEventListener('change', function () {
        if (box.checked && ticked().length > 3) {
          box.checked = false;
          pickStatus.textContent = msg('limit');
        } else {
          pickStatus.textContent = '';
        }
        listChosen();
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
    // Ticks the browser restored (back button) are listed too.
    listChosen();
  }
  // The side-by-side page chooses its columns itself, in a script right
  // after its table (compare.html), before it is first drawn.
})();

// Street search (streets.csv, issue 22 item 6), on a service's street
// index: form[data-street-search] holds where each district (and, for
// schools, each school) leads in this service, and the words to write;
// data-streets is the register's open data (data/streets.json). As the
// reader types, the streets whose name begins with the text are listed,
// each with the same links as the letter pages. Without the script the
// form stays hidden and the letters do the same.
(function () {
  'use strict';
  var form = document.querySelector('form[data-street-search]');
  if (!form || !window.fetch || !window.JSON) { return; }
  var data;
  try { data = JSON.parse(form.getAttribute('data-street-search')); } catch (e) { return; }
  var input = form.querySelector('input');
  var status = form.querySelector('[role=status]');
  var list = form.querySelector('.street-matches');
  var streets = null;
  var MAX = 12;

  function fold(text) { return text.toLocaleLowerCase('nb').trim(); }

  function numbers(s) {
    if (s.from == null) { return ''; }
    var range = s.from === s.to ? String(s.from) : s.from + '–' + s.to;
    var template = s.side === 'odd' ? data.odd : s.side === 'even' ? data.even : data.numbers;
    return template.replace('{numbers}', range);
  }

  function link(target) {
    if (!target.href) { return document.createTextNode(target.label); }
    var a = document.createElement('a');
    a.href = target.href;
    a.textContent = target.label;
    return a;
  }

  function item(s) {
    var li = document.createElement('li');
    var name = document.createElement('span');
    name.className = 'street-name';
    name.textContent = s.street;
    li.appendChild(name);
    var n = numbers(s);
    if (n) { li.appendChild(document.createTextNode(' ' + n)); }
    li.appendChild(document.createTextNode(': '));
    var schools = (s.schools || []).map(function (id) { return data.schools[id]; }).filter(Boolean);
    var targets = schools.length ? schools : [data.districts[s.district] || { label: s.district }];
    targets.forEach(function (t, i) {
      if (i > 0) { li.appendChild(document.createTextNode(', ')); }
      li.appendChild(link(t));
      if (t.note) { li.appendChild(document.createTextNode(' (' + t.note + ')')); }
    });
    return li;
  }

  function show() {
    var text = fold(input.value);
    list.textContent = '';
    if (!text || !streets) { status.textContent = ''; return; }
    var found = streets.filter(function (s) { return fold(s.street).indexOf(text) === 0; });
    found.slice(0, MAX).forEach(function (s) { list.appendChild(item(s)); });
    status.textContent = found.length ? '' : data.none;
  }

  fetch(form.getAttribute('data-streets'))
    .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
    .then(function (all) {
      streets = all;
      form.hidden = false;
      input.addEventListener('input', show);
      form.addEventListener('submit', function (e) { e.preventDefault(); show(); });
    })
    .catch(function () { /* The letters still work. */ });
})();
