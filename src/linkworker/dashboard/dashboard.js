/*
 * The link-worker dashboard's script (served at /linkworker/static/dashboard.js). It logs in
 * through the JSON API, shows the queue and the chosen handoff, and keeps both up to date from the
 * server's event stream (/api/linkworker/events) without a reload.
 *
 * Safety: everything a person typed is put in the page with textContent on nodes made by
 * createElement, never as HTML, so a message holding <script> or markup shows as plain text.
 * Words come from the page's JSON block (the server's locale files), never from here.
 */
/* global document, fetch, EventSource, setTimeout */
(function () {
  'use strict';

  var config = JSON.parse(document.getElementById('dashboard-config').textContent);
  var API = config.api;
  var S = config.strings;

  var state = {
    account: null,
    csrf: null,
    events: null,
    queue: [],
    knownIds: null, // ids seen in the queue so far; null until the first load (nothing to announce then)
    selectedId: null,
    selected: null,
    personMessages: 0,
    draft: null, // an unsent message kept (in memory only) across a session running out: see sessionEnded
    wasUrgent: null, // the selected handoff's urgency at the last look; null before the first
    refreshTimer: null,
    refreshing: false,
    refreshAgain: false,
  };

  function $(id) {
    return document.getElementById(id);
  }

  /** The locale string at a dotted key, with {{placeholders}} filled in (as plain text). */
  function t(key, params) {
    var value = key.split('.').reduce(function (node, part) {
      return node && typeof node === 'object' ? node[part] : undefined;
    }, S);
    if (typeof value !== 'string') return key;
    var all = { serviceName: config.serviceName };
    Object.keys(params || {}).forEach(function (name) {
      all[name] = params[name];
    });
    return value.replace(/\{\{\s*(\w+)\s*\}\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(all, name) ? String(all[name]) : whole;
    });
  }

  var dateTime = new Intl.DateTimeFormat(config.locale, { timeZone: config.timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  var dateOnly = new Intl.DateTimeFormat(config.locale, { timeZone: config.timeZone, day: 'numeric', month: 'long', year: 'numeric' });
  function when(iso) {
    return iso ? dateTime.format(new Date(iso)) : '';
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  /** Says something to screen-reader users through the polite live region. */
  function announce(message) {
    var region = $('announcer');
    region.textContent = '';
    // A fresh node after a moment, so the same words twice are still read out.
    setTimeout(function () {
      region.appendChild(el('p', null, message));
    }, 50);
  }

  function setText(id, text) {
    $(id).textContent = text || '';
  }

  function nameOf(handoff) {
    var name = handoff.preferredName !== undefined ? handoff.preferredName : handoff.summary && handoff.summary.preferredName;
    return name ? name : t('queue.noNameRef', { ref: referenceOf(handoff) });
  }

  /** Letters and digits that cannot be misread for each other (no I, L, O, 0 or 1). */
  var REFERENCE_SYMBOLS = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

  /**
   * A short reference that tells handoffs without a name apart: six symbols from a hash of the
   * handoff's id, so it is the same on every screen and says nothing about the person. Not the
   * end of the id itself: handoffs made close together have ids that end alike ("894056", "894059").
   */
  function referenceOf(handoff) {
    var hash = mixedHash(String(handoff.id || ''));
    var reference = '';
    for (var i = 0; i < 6; i++) {
      reference += REFERENCE_SYMBOLS.charAt(hash % REFERENCE_SYMBOLS.length);
      hash = Math.floor(hash / REFERENCE_SYMBOLS.length);
    }
    return reference;
  }

  /** FNV-1a with a final mix, so ids one character apart give hashes that differ throughout. */
  function mixedHash(text) {
    var hash = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
    hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
    return (hash ^ (hash >>> 16)) >>> 0;
  }

  /** A word from a values group, or the raw value when the locale has no word for it (e.g. a new channel). */
  function valueWord(group, value) {
    var key = 'values.' + group + '.' + value;
    var word = t(key);
    return word === key ? String(value) : word;
  }

  /** The kind each rule id's first word names (src/nlu/crisis/rules-*.ts: `medical.`, `danger.`, ...). */
  var RISK_KINDS = {
    suicide: 'suicide',
    self_harm: 'self_harm',
    harm_to_others: 'harm_to_others',
    danger: 'abuse_or_danger',
    abuse_or_danger: 'abuse_or_danger',
    medical: 'medical_emergency',
    medical_emergency: 'medical_emergency',
    someone_else_at_risk: 'someone_else_at_risk',
    sexual_violence: 'sexual_violence',
    child_at_risk: 'child_at_risk',
  };

  /** A crisis rule id (`suicide.end_it`, `cy.self_harm.cut`, `pl.suicide.statement`, `clu:crisis`, `extra`) in plain words. */
  function riskKind(rule) {
    var parts = String(rule || '').split('.');
    if (/^[a-z]{2}$/.test(parts[0])) parts.shift(); // a language code
    var kind = Object.prototype.hasOwnProperty.call(RISK_KINDS, parts[0]) ? RISK_KINDS[parts[0]] : 'other';
    return t('values.riskKinds.' + kind);
  }

  /** Why a handoff is in the queue, its language and channel: "Crisis · Welsh · Web chat". */
  function cardFacts(handoff) {
    var reasons = [];
    (handoff.reasons || []).forEach(function (r) {
      if (reasons.indexOf(r.reason) < 0) reasons.push(r.reason);
    });
    var facts = reasons.map(function (reason) {
      return valueWord('reasons', reason);
    });
    if (handoff.language) facts.push(valueWord('languages', handoff.language));
    // Seen before opening it: the first call needs an interpreter booked.
    if (handoff.interpreterLanguage) facts.push(t('summary.interpreter') + ': ' + valueWord('interpreterLanguages', handoff.interpreterLanguage));
    // Seen before opening it: the first call is with a young person, not an adult.
    if (handoff.underMinimumAge) facts.push(t('queue.underMinimumAge'));
    if (handoff.channel) facts.push(valueWord('channels', handoff.channel));
    if (handoff.optedOutOfTexts) facts.push(t('queue.optedOut'));
    // Said on the card too, so a worker does not expect their earlier answers when they open it.
    if (handoff.consentGiven === false) facts.push(t('queue.noConsent'));
    return facts.join(' · ');
  }

  /** "Waiting since 14:40", and, for one put back in the queue, that someone already talked to them. */
  function waitingText(handoff) {
    var waiting = t('queue.waiting', { time: when(handoff.createdAt) });
    if (!handoff.releasedAt) return waiting;
    return waiting + ' · ' + t('queue.releasedAt', { time: when(handoff.releasedAt) });
  }

  // ---- API ---------------------------------------------------------------------------------

  function ApiFailure(status, code, message) {
    this.status = status;
    this.code = code;
    this.message = message;
  }

  function request(method, path, body, retried) {
    var headers = { Accept: 'application/json' };
    if (method === 'POST') {
      headers['Content-Type'] = 'application/json';
      if (state.csrf) headers['X-CSRF-Token'] = state.csrf;
    }
    return fetch(API + path, {
      method: method,
      headers: headers,
      body: method === 'POST' ? JSON.stringify(body || {}) : undefined,
      credentials: 'same-origin',
      cache: 'no-store',
    })
      .catch(function () {
        throw new ApiFailure(0, 'network', t('errors.network'));
      })
      .then(function (response) {
        return response.text().then(function (text) {
          var json = null;
          try {
            json = text ? JSON.parse(text) : null;
          } catch {
            json = null;
          }
          if (response.ok) return json;
          var error = json && json.error ? json.error : { code: 'http' + response.status, message: t('errors.generic') };
          if (response.status === 401 && path !== '/login') {
            sessionEnded(t('account.expired'), true);
          }
          // A token from another tab's login may have rotated out: fetch a fresh one and try once more.
          if (response.status === 403 && error.code === 'csrf' && !retried) {
            return request('GET', '/me').then(function (me) {
              state.csrf = me.csrfToken;
              return request(method, path, body, true);
            });
          }
          throw new ApiFailure(response.status, error.code, error.message);
        });
      });
  }

  function errorText(failure) {
    if (!(failure instanceof ApiFailure)) return t('errors.generic');
    if (failure.code === 'claimLost') return t('handoff.claimLost');
    if (failure.code === 'optedOut') return t('errors.optedOut');
    if (failure.status === 400 || failure.status === 409 || failure.status === 429 || failure.status === 0) return failure.message;
    return t('errors.generic');
  }

  // ---- Views -------------------------------------------------------------------------------

  function showLogin(message) {
    $('account').hidden = true;
    $('work-view').hidden = true;
    $('login-view').hidden = false;
    setText('status', message || '');
    $('login-email').focus();
  }

  function showWork() {
    $('login-view').hidden = true;
    $('work-view').hidden = false;
    $('account').hidden = false;
    setText('signed-in-as', t('account.signedInAs', { email: state.account.email }));
    setText('status', '');
    refreshQueue();
    connectEvents();
  }

  /**
   * Back to the login form with nothing of any person left in the page. When the session ran out
   * (not a logout), an unsent message is kept in this tab's memory only (never stored), for the
   * same worker to find again after logging back in (restoreDraft).
   */
  function sessionEnded(message, keepDraft) {
    if (!state.account) return;
    state.draft = keepDraft ? unsentMessage() : null;
    clearPersonData();
    state.account = null;
    state.csrf = null;
    state.knownIds = null;
    state.selectedId = null;
    state.selected = null;
    if (state.events) state.events.close();
    state.events = null;
    $('handoff').hidden = true;
    setText('handoff-none', t('handoff.none'));
    $('handoff-none').hidden = false;
    clear($('queue'));
    showLogin(message);
  }

  function unsentMessage() {
    var text = $('message-text').value;
    if (!state.selectedId || !text.trim()) return null;
    return { handoffId: state.selectedId, accountId: state.account.id, text: text };
  }

  /** Empties everything that showed a person: details, transcript, what was typed, the last announcement. */
  function clearPersonData() {
    clear($('summary'));
    clear($('transcript'));
    clear($('announcer'));
    $('message-text').value = '';
    $('close-form').reset();
    ['handoff-status', 'message-label', 'action-error', 'message-error', 'close-error'].forEach(function (id) {
      setText(id, '');
    });
    setText('handoff-heading', t('handoff.heading'));
    $('export').setAttribute('href', '#');
    state.personMessages = -1;
    state.wasUrgent = null;
  }

  /** After logging back in: the same worker's unsent message, back in the box for the same handoff. */
  function restoreDraft() {
    var draft = state.draft;
    state.draft = null;
    if (!draft || draft.accountId !== state.account.id) return;
    openHandoff(draft.handoffId, false).then(function () {
      var stillTheirs = state.selectedId === draft.handoffId && !$('message-form').hidden;
      if (!stillTheirs || $('message-text').value) return;
      $('message-text').value = draft.text;
      announce(t('message.draftRestored'));
    });
  }

  // ---- Queue -------------------------------------------------------------------------------

  function refreshQueue() {
    return request('GET', '/handoffs').then(function (body) {
      renderQueue(body.handoffs);
    }, function () {
      // The next event or action will try again; a lost session is handled in request().
    });
  }

  function renderQueue(handoffs) {
    var list = $('queue');
    var active = document.activeElement;
    var focusedId = active && active.getAttribute && active.getAttribute('data-handoff-id');
    var isFirstLoad = state.knownIds === null;
    var known = state.knownIds || {};
    var nextKnown = {};
    clear(list);
    handoffs.forEach(function (handoff) {
      nextKnown[handoff.id] = true;
      if (!isFirstLoad && !known[handoff.id]) {
        announce(t(handoff.urgent ? 'live.newUrgentHandoff' : 'live.newHandoff', { name: nameOf(handoff) }));
      }
      var item = el('li');
      var button = el('button', null);
      button.type = 'button';
      button.setAttribute('data-handoff-id', handoff.id);
      if (handoff.id === state.selectedId) button.setAttribute('aria-current', 'true');
      var name = el('span', 'name');
      if (handoff.urgent) name.appendChild(el('span', 'tag-urgent', t('queue.urgent')));
      name.appendChild(document.createTextNode(nameOf(handoff)));
      button.appendChild(name);
      var facts = cardFacts(handoff);
      if (facts) button.appendChild(el('span', 'facts', facts));
      button.appendChild(el('span', 'words', handoff.whatMatters ? handoff.whatMatters : t('queue.noWords')));
      var holder =
        handoff.status === 'claimed' && handoff.claimedBy
          ? handoff.claimedBy.id === state.account.id
            ? t('queue.claimedByYou')
            : t('queue.claimedBy', { email: handoff.claimedBy.email })
          : waitingText(handoff);
      button.appendChild(el('span', 'meta', holder));
      button.addEventListener('click', function () {
        openHandoff(handoff.id, true);
      });
      item.appendChild(button);
      list.appendChild(item);
    });
    state.knownIds = nextKnown;
    state.queue = handoffs;
    $('queue-empty').hidden = handoffs.length > 0;
    if (focusedId) {
      var again = list.querySelector('[data-handoff-id="' + focusedId.replace(/[^0-9a-f]/gi, '') + '"]');
      if (again) again.focus();
    }
  }

  // ---- One handoff -------------------------------------------------------------------------

  function openHandoff(id, moveFocus) {
    var changed = id !== state.selectedId;
    state.selectedId = id;
    if (changed) {
      state.personMessages = -1;
      state.wasUrgent = null;
      $('message-text').value = '';
      setText('action-error', '');
      setText('message-error', '');
      setText('close-error', '');
    }
    var buttons = $('queue').querySelectorAll('button[data-handoff-id]');
    Array.prototype.forEach.call(buttons, function (button) {
      if (button.getAttribute('data-handoff-id') === id) button.setAttribute('aria-current', 'true');
      else button.removeAttribute('aria-current');
    });
    return request('GET', '/handoffs/' + encodeURIComponent(id)).then(
      function (body) {
        if (state.selectedId !== id) return;
        renderHandoff(body.handoff);
        if (moveFocus) $('handoff-heading').focus();
      },
      function (failure) {
        if (state.selectedId !== id) return;
        if (failure instanceof ApiFailure && failure.status === 404) {
          handoffGone(id);
          return;
        }
        // Never leave another person's details under this one's error.
        if (state.selected && state.selected.id !== id) showNoHandoff(errorText(failure));
        else setText('action-error', errorText(failure));
      },
    );
  }

  /** Clears the details panel and says why in it (e.g. the handoff was deleted). */
  function showNoHandoff(message) {
    state.selected = null;
    state.personMessages = -1;
    state.wasUrgent = null;
    $('handoff').hidden = true;
    clear($('summary'));
    clear($('transcript'));
    setText('handoff-none', message);
    $('handoff-none').hidden = false;
  }

  /** The handoff is no longer in the database (the person asked us to delete their data, or it was erased). */
  function handoffGone(id) {
    if (state.selectedId === id) {
      state.selectedId = null;
      showNoHandoff(t('handoff.gone'));
      announce(t('handoff.gone'));
    }
    refreshQueue();
  }

  function renderHandoff(handoff) {
    var mine = handoff.status === 'claimed' && handoff.claimedBy && handoff.claimedBy.id === state.account.id;
    var name = nameOf(handoff);
    state.selected = handoff;
    $('handoff-none').hidden = true;
    $('handoff').hidden = false;
    setText('handoff-heading', t('handoff.title', { name: name }));
    var status =
      handoff.status === 'open'
        ? t('handoff.status.open')
        : handoff.status === 'closed'
          ? closedText(handoff)
          : mine
            ? t('handoff.status.claimedByYou')
            : t('handoff.status.claimed', { email: handoff.claimedBy ? handoff.claimedBy.email : '' });
    setText('handoff-status', status);
    $('handoff-urgent').hidden = !handoff.urgent;
    // Nothing the worker sends reaches someone who texted STOP, so say so before they try.
    $('handoff-opted-out').hidden = !handoff.optedOutOfTexts;
    $('claim').hidden = handoff.status !== 'open';
    $('must-claim').hidden = handoff.status !== 'open';
    $('release').hidden = !mine;
    $('message-form').hidden = !mine;
    showWhetherSendingReaches(handoff);
    $('close-form').hidden = !mine;
    $('export').setAttribute('href', API + '/handoffs/' + encodeURIComponent(handoff.id) + '/export');
    setText('message-label', t('message.label', { name: name }));
    renderSummary(handoff);
    renderTranscript(handoff);
  }

  /**
   * Someone who texted STOP gets nothing the worker sends: instead of "They will see it in their
   * chat or as a text message", the form says why it cannot send, and the box and button are off.
   */
  function showWhetherSendingReaches(handoff) {
    var cannotSend = Boolean(handoff.optedOutOfTexts);
    $('message-hint').hidden = cannotSend;
    $('message-cannot-send').hidden = !cannotSend;
    $('message-text').disabled = cannotSend;
    $('send').disabled = cannotSend;
    $('message-text').setAttribute('aria-describedby', cannotSend ? 'message-cannot-send' : 'message-hint');
  }

  /** "Closed: Contacted. Follow up on 1 December 2026", or plain "Closed" when no outcome is known. */
  function closedText(handoff) {
    if (!handoff.outcome) return t('handoff.status.closed');
    var text = t('close.closed', { outcome: t('close.outcomes.' + handoff.outcome) });
    if (handoff.followUpAt) text += ' ' + t('close.followUpOn', { date: dateOnly.format(new Date(handoff.followUpAt)) });
    return text;
  }

  function listOf(values, group) {
    if (!values || values.length === 0) return null;
    return values
      .map(function (value) {
        return t('values.' + group + '.' + value);
      })
      .join(', ');
  }

  function renderSummary(handoff) {
    var s = handoff.summary;
    var dl = $('summary');
    clear(dl);
    function row(labelKey, value) {
      dl.appendChild(el('dt', null, t(labelKey)));
      var dd = el('dd');
      if (value && typeof value === 'object' && value.nodeType) dd.appendChild(value);
      else dd.textContent = value === null || value === undefined || value === '' ? t('summary.notGiven') : String(value);
      dl.appendChild(dd);
    }
    function bullets(items) {
      if (items.length === 0) return null;
      var ul = el('ul');
      items.forEach(function (item) {
        if (item && item.nodeType) ul.appendChild(item);
        else ul.appendChild(el('li', null, item));
      });
      return ul;
    }
    // Said first: it explains why the answers and the conversation before are empty.
    if (handoff.consentGiven === false) row('summary.consent', t('summary.noConsent'));
    row(
      'summary.reasons',
      bullets(
        (handoff.reasons || []).map(function (r) {
          return t('summary.asked', { reason: t('values.reasons.' + r.reason), time: when(r.at) });
        }),
      ),
    );
    // Near the top: the first call needs the interpreter booked (the chat was English or Welsh only).
    if (s.interpreterLanguage) row('summary.interpreter', valueWord('interpreterLanguages', s.interpreterLanguage));
    if (s.underMinimumAge) row('summary.age', t('summary.underMinimumAge'));
    var flags = s.riskFlags || [];
    row('summary.riskFlags', flags.length === 0 ? t('summary.none') : bullets(
      flags.map(function (flag) {
        var item = el(
          'li',
          null,
          flag.message
            ? t('summary.riskFlag', { kind: riskKind(flag.rule), time: when(flag.at), message: flag.message })
            : t('summary.riskFlagNoMessage', { kind: riskKind(flag.rule), time: when(flag.at) }),
        );
        // A flag is stored once per kind: a worry raised again says how often, and when last.
        if (flag.timesRaised > 1) item.appendChild(document.createTextNode(' ' + t('summary.riskFlagAgain', { count: flag.timesRaised, time: when(flag.lastAt) })));
        // Only the plain kind of risk: the rule id is for the record (the export and logs keep it).
        return item;
      }),
    ));
    row('summary.whatMatters', s.whatMatters);
    row('summary.whatMattersMore', s.whatMattersMore);
    row('summary.interests', listOf(s.categories && s.categories.chosen, 'interests'));
    row('summary.ownWords', s.categories && s.categories.ownWords);
    row('summary.barriers', listOf(s.barriers, 'barriers'));
    var days = s.availability && s.availability.days ? t('values.days.' + s.availability.days) : null;
    var times = s.availability ? listOf(s.availability.times, 'times') : null;
    row('summary.when', [days, times].filter(Boolean).join(': ') || null);
    row('summary.place', s.location ? s.location.value : null);
    var contact = s.contact && s.contact.method ? t('values.contact.' + s.contact.method) : null;
    if (contact && s.contact.number) contact += ' (' + s.contact.number + ')';
    row('summary.contact', contact);
    row('summary.language', valueWord('languages', s.language));
    row('summary.channel', valueWord('channels', s.channel));
    var w = s.wellbeingBaseline || {};
    var score = function (value) {
      return value === null || value === undefined ? t('summary.skipped') : String(value);
    };
    var anyScore = ['lifeSatisfaction', 'worthwhile', 'happiness', 'anxiety'].some(function (k) {
      return w[k] !== null && w[k] !== undefined;
    });
    row(
      'summary.wellbeing',
      anyScore
        ? t('summary.wellbeingScores', {
            lifeSatisfaction: score(w.lifeSatisfaction),
            worthwhile: score(w.worthwhile),
            happiness: score(w.happiness),
            anxiety: score(w.anxiety),
          })
        : null,
    );
    row('summary.activities', bullets(
      (s.chosenActivities || []).map(function (a) {
        return a.name || a.id;
      }),
    ));
  }

  /**
   * Tells screen-reader users what changed since the last look at this handoff: that it became
   * urgent (first, as it matters most), then every new line from the person in their own words.
   * Nothing on the first look, which the worker chose to open.
   */
  function announceChanges(handoff, entries) {
    var fromPerson = entries.filter(function (entry) {
      return entry.from === 'person';
    });
    var news = [];
    if (state.wasUrgent === false && handoff.urgent) news.push(t('live.nowUrgent', { name: nameOf(handoff) }));
    if (state.personMessages >= 0 && fromPerson.length > state.personMessages) {
      var fresh = fromPerson.slice(state.personMessages);
      news.push(
        t(fresh.length === 1 ? 'live.newMessage' : 'live.newMessages', { name: nameOf(handoff), count: fresh.length }) +
          ' ' +
          fresh
            .map(function (entry) {
              return entry.text;
            })
            .join(' '),
      );
    }
    if (news.length > 0) announce(news.join(' '));
    state.personMessages = fromPerson.length;
    state.wasUrgent = handoff.urgent === true;
  }

  function renderTranscript(handoff) {
    var list = $('transcript');
    // In the order things were said (lines copied from the chat and relayed ones can arrive out of order).
    var entries = (handoff.transcript || [])
      .map(function (entry, index) {
        return { entry: entry, index: index, at: Date.parse(entry.at) || 0 };
      })
      .sort(function (x, y) {
        return x.at - y.at || x.index - y.index;
      })
      .map(function (item) {
        return item.entry;
      });
    announceChanges(handoff, entries);
    var atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    clear(list);
    if (entries.length === 0) list.appendChild(el('li', null, t('transcript.empty')));
    entries.forEach(function (entry) {
      var item = el('li', 'from-' + entry.from);
      var who =
        entry.from === 'person'
          ? handoff.summary.preferredName
            ? t('transcript.person', { name: handoff.summary.preferredName })
            : t('transcript.personNoName')
          : entry.from === 'bot'
            ? t('transcript.bot')
            : entry.linkWorker && entry.linkWorker.id === state.account.id
              ? t('transcript.you')
              : t('transcript.linkWorker', { email: entry.linkWorker ? entry.linkWorker.email : '' });
      item.appendChild(el('span', 'who', who));
      item.appendChild(el('span', 'when', when(entry.at)));
      if (entry.delivered === false) item.appendChild(el('span', 'undelivered', ' ' + t('transcript.notDelivered')));
      item.appendChild(el('span', 'text', entry.text));
      list.appendChild(item);
    });
    if (atBottom) list.scrollTop = list.scrollHeight;
  }

  // ---- Actions -----------------------------------------------------------------------------

  function act(path, body, done) {
    var id = state.selectedId;
    setText('action-error', '');
    return request('POST', '/handoffs/' + encodeURIComponent(id) + path, body).then(
      function (reply) {
        if (reply && reply.handoff && state.selectedId === id) renderHandoff(reply.handoff);
        if (done) done(reply);
        refreshQueue();
        return reply;
      },
      function (failure) {
        throw failure;
      },
    );
  }

  $('claim').addEventListener('click', function () {
    act('/claim', {}, function () {
      announce(t('handoff.claimed'));
      $('message-text').focus();
    }).catch(function (failure) {
      setText('action-error', errorText(failure));
      openHandoff(state.selectedId, false);
    });
  });

  $('release').addEventListener('click', function () {
    act('/release', {}, function () {
      announce(t('handoff.released'));
      $('handoff-heading').focus();
    }).catch(function (failure) {
      setText('action-error', errorText(failure));
    });
  });

  $('message-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var box = $('message-text');
    var text = box.value.trim();
    setText('message-error', '');
    if (!text) {
      box.focus();
      return;
    }
    $('send').disabled = true;
    act('/messages', { text: text }, function () {
      box.value = '';
      announce(t('message.sent'));
      openHandoff(state.selectedId, false);
    })
      .catch(function (failure) {
        setText('message-error', errorText(failure));
        openHandoff(state.selectedId, false);
      })
      .then(function () {
        $('send').disabled = false;
        box.focus();
      });
  });

  /**
   * The person was told a link worker joined when this one claimed; closing without a word sends
   * "The link worker has finished this chat" straight after. So the first press warns (write to them
   * first, or press again to close anyway); true once the close may go ahead.
   */
  function warnedBeforeClosingUnspoken() {
    var handoff = state.selected;
    // Someone who texted STOP got neither text, so there is nothing to warn about.
    if (!handoff || handoff.optedOutOfTexts || wroteSinceClaim(handoff) || state.closeWarnedFor === handoff.id) return true;
    state.closeWarnedFor = handoff.id;
    setText('close-error', t('close.nothingWritten'));
    return false;
  }

  function wroteSinceClaim(handoff) {
    var claimedAt = Date.parse(handoff.claimedAt) || 0;
    return (handoff.transcript || []).some(function (entry) {
      return entry.from === 'linkWorker' && entry.linkWorker && entry.linkWorker.id === state.account.id && (Date.parse(entry.at) || 0) >= claimedAt;
    });
  }

  $('close-form').addEventListener('submit', function (event) {
    event.preventDefault();
    setText('close-error', '');
    var chosen = document.querySelector('input[name="outcome"]:checked');
    if (!chosen) {
      setText('close-error', t('close.chooseOutcome'));
      document.querySelector('input[name="outcome"]').focus();
      return;
    }
    if (!warnedBeforeClosingUnspoken()) return;
    var note = $('close-note').value.trim();
    var followUp = $('close-follow-up').value;
    var body = { outcome: chosen.value, note: note || null, followUpAt: followUp || null };
    $('close').disabled = true;
    act('/close', body, function (reply) {
      announce(closedText(reply.handoff));
      chosen.checked = false;
      $('close-note').value = '';
      $('close-follow-up').value = '';
      $('handoff-heading').focus();
    })
      .catch(function (failure) {
        setText('close-error', errorText(failure));
      })
      .then(function () {
        $('close').disabled = false;
      });
  });

  // ---- Live updates ------------------------------------------------------------------------

  /** Refreshes the queue (and the open handoff, if the event is about it), at most one at a time. */
  function refreshSoon(changedId) {
    if (changedId && changedId === state.selectedId) state.selectedChanged = true;
    if (state.refreshTimer) return;
    state.refreshTimer = setTimeout(function () {
      state.refreshTimer = null;
      var selected = state.selectedChanged ? state.selectedId : null;
      state.selectedChanged = false;
      refreshQueue();
      if (selected) openHandoff(selected, false);
    }, 150);
  }

  function connectEvents() {
    if (state.events) state.events.close();
    var source = new EventSource(API + '/events');
    state.events = source;
    source.addEventListener('open', function () {
      setText('live-state', t('live.connected'));
      // Whatever changed while the stream was down.
      refreshSoon(state.selectedId);
    });
    source.addEventListener('handoff', function (event) {
      var data = {};
      try {
        data = JSON.parse(event.data);
      } catch {
        data = {};
      }
      if (data.status === 'deleted') handoffGone(data.id);
      else refreshSoon(data.id);
    });
    source.addEventListener('ended', function () {
      source.close();
      sessionEnded(t('account.expired'), true);
    });
    source.addEventListener('error', function () {
      if (state.events !== source) return;
      setText('live-state', t('live.reconnecting'));
      if (source.readyState === EventSource.CLOSED) {
        // Refused (e.g. the session ended): ask who we are; a 401 shows the login, else try again.
        request('GET', '/me').then(function (me) {
          state.csrf = me.csrfToken;
          setTimeout(function () {
            if (state.account && state.events === source) connectEvents();
          }, 3000);
        }, function () {});
      }
    });
  }

  // ---- Login and logout --------------------------------------------------------------------

  $('login-form').addEventListener('submit', function (event) {
    event.preventDefault();
    setText('login-error', '');
    setText('status', '');
    $('login-button').disabled = true;
    request('POST', '/login', { email: $('login-email').value.trim(), password: $('login-password').value })
      .then(function (body) {
        $('login-password').value = '';
        state.account = body.account;
        state.csrf = body.csrfToken;
        showWork();
        $('queue-heading').focus();
        restoreDraft();
      })
      .catch(function (failure) {
        setText('login-error', t('login.failed', { reason: failure instanceof ApiFailure ? failure.message : '' }));
        $('login-password').focus();
      })
      .then(function () {
        $('login-button').disabled = false;
      });
  });

  $('logout').addEventListener('click', function () {
    request('POST', '/logout', {})
      .catch(function () {})
      .then(function () {
        sessionEnded(t('account.loggedOut'));
      });
  });

  // ---- Start -------------------------------------------------------------------------------

  setText('status', t('loading'));
  fetch(API + '/me', { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } })
    .then(function (response) {
      if (!response.ok) throw new Error('not logged in');
      return response.json();
    })
    .then(
      function (me) {
        state.account = me.account;
        state.csrf = me.csrfToken;
        showWork();
      },
      function () {
        showLogin('');
      },
    );
})();
