// brukervalg: progressive enhancement only. Every page works without this
// script: filters are links to pre-built pages, and the side-by-side page
// shows every provider. With it, filters combine in place, the list can be
// sorted, providers can be ticked for the side-by-side page (a shortlist
// that follows the reader), and that page shows the ones ticked; the
// choice is in its address, so a link can be shared and printed.
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
// - The shortlist (at most three): the list's table[data-compare-href]
//   gets a tick box per row and, with data-shortlist="<lang>:<service>",
//   keeps the ticks in localStorage under "brukervalg-shortlist:<the assets
//   folder's path>:<lang>:<service>" (a JSON list of provider slugs; no
//   request is made). A provider page's div.shortlist-add[data-shortlist]
//   [data-provider] (hidden) gets the add/remove button, only when storage
//   works. Both make div.shortlist-bar at the end of <main>: p[role=status]
//   "2 av 3 valgt", a.shortlist-compare to data-compare-href with
//   ?<data-compare-param>=<slug> per choice, button.shortlist-clear. A
//   fourth tick is undone with span.pick-limit#pick-limit in its cell.
//   The words are the element's data-msg-* (count, clear, limit, button,
//   need-two; add and remove on provider pages).
// - Sorting, not on a data-partial table: select#sort-order before the
//   list, from data-msg-sort*; rows are put in the order of data-capacity
//   (open, waiting-list, full) or data-survey (a number, highest first;
//   rows without one last), ties and "standard" in the neutral order the
//   page came in.
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

  // The shortlist: kept in the reader's own browser (localStorage; nothing
  // is sent anywhere) under the site, its language and the service, so the
  // ticks follow the reader between the service page, its filter pages and
  // the providers' pages, in every variant. Storage may throw (private
  // mode, blocked): then ticks live on their page only, as before.
  var assets = '';
  try { assets = new URL('.', document.currentScript.src).pathname; } catch (e) { /* keyed by language and service only */ }
  function shortlistStore(key) {
    if (!key) return null;
    var name = 'brukervalg-shortlist:' + assets + ':' + key;
    var store;
    try {
      store = window.localStorage;
      store.setItem(name + ':probe', '1');
      store.removeItem(name + ':probe');
    } catch (e) {
      return null;
    }
    return {
      read: function () {
        try {
          var list = JSON.parse(store.getItem(name) || '[]');
          return Array.isArray(list) ? list.filter(function (s) { return typeof s === 'string'; }).slice(0, 3) : [];
        } catch (e) {
          return [];
        }
      },
      write: function (list) {
        try {
          if (list.length) store.setItem(name, JSON.stringify(list)); else store.removeItem(name);
        } catch (e) { /* full or blocked: this page still shows it */ }
      },
      name: name
    };
  }

  // The bar that stays at the foot of the screen while anything is chosen
  // (sticky in <main>, style.css): "2 av 3 valgt", the link to the
  // side-by-side page with the chosen ones, and a button that empties the
  // list. The page keeps the bar's height free below what has focus
  // (scroll-padding-bottom), so the bar never hides it (WCAG 2.4.11).
  function shortlistBar(source, onClear) {
    var msg = function (name) { return source.getAttribute('data-msg-' + name); };
    var href = source.getAttribute('data-compare-href');
    var param = source.getAttribute('data-compare-param');
    var bar = document.createElement('div');
    bar.className = 'shortlist-bar';
    bar.hidden = true;
    var count = document.createElement('p');
    count.className = 'shortlist-count';
    count.setAttribute('role', 'status');
    var link = document.createElement('a');
    link.className = 'shortlist-compare';
    link.textContent = msg('button');
    var clear = document.createElement('button');
    clear.type = 'button';
    clear.className = 'shortlist-clear';
    clear.textContent = msg('clear');
    clear.addEventListener('click', onClear);
    bar.appendChild(count);
    bar.appendChild(link);
    bar.appendChild(clear);
    (document.querySelector('main') || document.body).appendChild(bar);
    var root = document.documentElement;
    var reserve = function () {
      root.style.scrollPaddingBottom = bar.hidden ? '' : bar.offsetHeight + 16 + 'px';
      var active = document.activeElement;
      if (bar.hidden || !active || active === document.body || bar.contains(active) || !active.getBoundingClientRect) return;
      var a = active.getBoundingClientRect();
      var b = bar.getBoundingClientRect();
      if (a.bottom > b.top && a.top < b.bottom) active.scrollIntoView({ block: 'nearest' });
    };
    window.addEventListener('resize', reserve);
    var timer = null;
    return {
      // `slugs` in the order chosen; `extra` is heard after the count but
      // not shown, as the page shows it where it happened and a taller
      // bar would cover it.
      show: function (slugs, extra) {
        var text = format(msg('count'), { n: slugs.length });
        if (slugs.length === 1) text += '. ' + msg('need-two');
        link.href = href + '?' + slugs.map(function (s) { return param + '=' + encodeURIComponent(s); }).join('&');
        var appearing = bar.hidden && slugs.length > 0;
        bar.hidden = slugs.length === 0;
        // A status that appears with its words is often not read out: the
        // words come just after it is shown.
        var say = function () {
          count.textContent = text;
          if (extra) {
            var heard = document.createElement('span');
            heard.className = 'visually-hidden';
            heard.textContent = (slugs.length === 1 ? ' ' : '. ') + extra;
            count.appendChild(heard);
          }
        };
        if (timer) clearTimeout(timer);
        if (appearing) {
          count.textContent = '';
          timer = setTimeout(function () { say(); timer = null; reserve(); }, 50);
        } else {
          say();
        }
        reserve();
      },
      link: link
    };
  }

  // Ticking providers for the side-by-side page: at most three. The box is
  // in a cell of its own (the row header keeps the provider's name alone),
  // the instructions come before the boxes and describe each of them, and
  // every tick is listed with a remove button below the list, also one on
  // a row a filter hides, so the count the limit is about can be seen and
  // changed. A fourth tick is undone with the reason beside that box.
  if (table && table.getAttribute('data-compare-href') && table.getAttribute('data-compare-param')) {
    var msg = function (name) { return table.getAttribute('data-msg-' + name); };
    var wrapper = table.parentNode;
    var hint = document.createElement('p');
    hint.className = 'compare-hint';
    hint.id = 'compare-hint';
    hint.tabIndex = -1;
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
    actions.appendChild(chosenLine);
    actions.appendChild(chosenList);
    wrapper.parentNode.insertBefore(actions, wrapper.nextSibling);
    var store = shortlistStore(table.getAttribute('data-shortlist'));
    // In the order ticked, which the bar's link keeps.
    var order = [];
    var boxOf = function (slug) { return boxes.filter(function (b) { return b.value === slug; })[0]; };
    var limitNote = null;
    var clearLimit = function () {
      if (!limitNote) return;
      var box = limitNote.parentNode.querySelector('input');
      box.setAttribute('aria-describedby', 'compare-hint');
      limitNote.parentNode.removeChild(limitNote);
      limitNote = null;
    };
    var bar = shortlistBar(table, function () {
      order = [];
      update();
      hint.focus();
    });
    var update = function (extra) {
      boxes.forEach(function (b) { b.checked = order.indexOf(b.value) !== -1; });
      if (store) store.write(order);
      listChosen();
      bar.show(order, extra);
    };
    var listChosen = function () {
      chosenLine.hidden = order.length === 0;
      chosenLine.textContent = format(msg('chosen'), { n: order.length });
      while (chosenList.firstChild) chosenList.removeChild(chosenList.firstChild);
      order.forEach(function (slug) {
        var box = boxOf(slug);
        var item = document.createElement('li');
        item.appendChild(document.createTextNode(names[slug] + ' '));
        var remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'remove';
        remove.textContent = msg('remove');
        var whom = document.createElement('span');
        whom.className = 'visually-hidden';
        whom.textContent = ' ' + names[slug];
        remove.appendChild(whom);
        remove.addEventListener('click', function () {
          order.splice(order.indexOf(slug), 1);
          clearLimit();
          update();
          // Focus must not fall to the page: the list's next button, the
          // box of the row, or the instructions when a filter hides it.
          var next = chosenList.querySelector('button.remove');
          (next || (box.closest('tr').hidden ? hint : box)).focus();
        });
        item.appendChild(remove);
        chosenList.appendChild(item);
      });
    };
    boxes.forEach(function (box) {
      box.addEventListener('change', function () {
        clearLimit();
        if (box.checked && order.length >= 3) {
          // Said where it happened, and in the bar's status.
          box.checked = false;
          limitNote = document.createElement('span');
          limitNote.className = 'pick-limit';
          limitNote.id = 'pick-limit';
          limitNote.textContent = msg('limit');
          box.closest('td').appendChild(limitNote);
          box.setAttribute('aria-describedby', 'compare-hint pick-limit');
          update(msg('limit'));
          if (limitNote.scrollIntoView) limitNote.scrollIntoView({ block: 'nearest' });
          return;
        }
        var at = order.indexOf(box.value);
        if (box.checked && at === -1) order.push(box.value);
        if (!box.checked && at !== -1) order.splice(at, 1);
        update();
      });
    });
    // The stored list (another page may have changed it), else the ticks
    // the browser restored (back button). Providers no longer listed drop.
    var restore = function () {
      var stored = store ? store.read() : boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
      order = stored.filter(function (slug) { return boxOf(slug); }).slice(0, 3);
      clearLimit();
      update();
    };
    restore();
    if (store) {
      window.addEventListener('pageshow', function (e) { if (e.persisted) restore(); });
      window.addEventListener('storage', function (e) { if (e.key === store.name) restore(); });
    }
  }

  // "Legg til i sammenligningen" on a provider's page: only with a stored
  // list, as a list of one page would be forgotten on the next.
  var adder = document.querySelector('.shortlist-add[data-shortlist]');
  var adderStore = adder && shortlistStore(adder.getAttribute('data-shortlist'));
  if (adderStore) {
    var say = function (name) { return adder.getAttribute('data-msg-' + name); };
    var slug = adder.getAttribute('data-provider');
    var toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'shortlist-toggle';
    var note = document.createElement('p');
    note.className = 'shortlist-note';
    note.id = 'shortlist-note';
    adder.appendChild(toggle);
    adder.appendChild(note);
    adder.hidden = false;
    var adderBar = shortlistBar(adder, function () {
      adderStore.write([]);
      show();
      toggle.focus();
    });
    var show = function (extra) {
      var list = adderStore.read();
      var listed = list.indexOf(slug) !== -1;
      var full = !listed && list.length >= 3;
      toggle.textContent = say(listed ? 'remove' : 'add');
      note.hidden = !full;
      note.textContent = full ? say('limit') : '';
      if (full) toggle.setAttribute('aria-describedby', 'shortlist-note'); else toggle.removeAttribute('aria-describedby');
      adderBar.show(list, extra);
    };
    toggle.addEventListener('click', function () {
      var list = adderStore.read();
      var at = list.indexOf(slug);
      if (at !== -1) {
        list.splice(at, 1);
      } else if (list.length >= 3) {
        show(say('limit'));
        return;
      } else {
        list.push(slug);
      }
      adderStore.write(list);
      show();
    });
    show();
    window.addEventListener('pageshow', function (e) { if (e.persisted) show(); });
    window.addEventListener('storage', function (e) { if (e.key === adderStore.name) show(); });
  }

  // Sorting the list: the neutral order (alphabetical, by rule) first and
  // always one choice away; then free places first, and the survey's
  // headline figure highest first where the service has one. Not on one
  // page of a long list (data-partial), where it would sort that page only.
  if (table && !partial && table.getAttribute('data-msg-sort')) {
    var word = function (name) { return table.getAttribute('data-msg-' + name); };
    var tbody = table.tBodies[0];
    var neutral = rows.slice();
    var rank = { 'open': 0, 'waiting-list': 1, 'full': 2 };
    var capacityOf = function (row) {
      var r = rank[row.getAttribute('data-capacity')];
      return r === undefined ? 3 : r;
    };
    var surveyOf = function (row) {
      var v = parseFloat(row.getAttribute('data-survey'));
      return isNaN(v) ? -Infinity : v;
    };
    var sortField = document.createElement('div');
    sortField.className = 'filter-field sort-field';
    var sortLabel = document.createElement('label');
    sortLabel.setAttribute('for', 'sort-order');
    sortLabel.textContent = word('sort');
    var sortSelect = document.createElement('select');
    sortSelect.id = 'sort-order';
    sortSelect.add(new Option(word('sort-default'), ''));
    sortSelect.add(new Option(word('sort-capacity'), 'capacity'));
    if (word('sort-survey')) sortSelect.add(new Option(word('sort-survey'), 'survey'));
    sortField.appendChild(sortLabel);
    sortField.appendChild(sortSelect);
    var listTop = document.getElementById('compare-hint') || table.parentNode;
    listTop.parentNode.insertBefore(sortField, listTop);
    var sortStatus = liveRegion(sortField);
    sortSelect.addEventListener('change', function () {
      var by = sortSelect.value;
      var position = function (row) { return neutral.indexOf(row); };
      var ordered = neutral.slice().sort(function (a, b) {
        var d = 0;
        if (by === 'capacity') d = capacityOf(a) - capacityOf(b);
        if (by === 'survey') d = surveyOf(b) - surveyOf(a);
        return d || position(a) - position(b);
      });
      ordered.forEach(function (row) { tbody.appendChild(row); });
      sortStatus.textContent = format(word('sorted'), { order: sortSelect.options[sortSelect.selectedIndex].text });
    });
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
