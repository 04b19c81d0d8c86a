/*
 * The web chat page's own script (served at /static/chat.js). It connects Bot Framework Web Chat
 * (/static/webchat.js) to Front Door's self-hosted Direct Line on this same server, resumes the
 * conversation after a refresh, and wires the "Leave this site quickly" button.
 *
 * Settings come from the page's JSON block (#frontdoor-config); words come from the server's
 * locale files, never from here. Written for older phone browsers: no optional chaining, no
 * build step. Page options: ?transport=polling uses HTTP polling instead of the WebSocket stream.
 */
/* global window, document, sessionStorage, location, fetch, setInterval, URL, URLSearchParams, MutationObserver, WebChat */
(function () {
  'use strict';

  var config = JSON.parse(document.getElementById('frontdoor-config').textContent);
  /** Where the conversation id and token are kept (this tab only; gone when the tab closes). */
  var STORE_KEY = 'frontdoor.chat';
  var ONLINE = 2; // Direct Line ConnectionStatus.Online
  var status = document.getElementById('chat-status');
  var container = document.getElementById('webchat');
  var params = new URLSearchParams(location.search);
  var useWebSocket = params.get('transport') !== 'polling';
  var directLine = null;
  var conversation = null;

  function load() {
    try {
      var saved = JSON.parse(sessionStorage.getItem(STORE_KEY) || 'null');
      if (saved && typeof saved.conversationId === 'string' && typeof saved.token === 'string') return saved;
    } catch {
      // Storage blocked or damaged: start a new conversation.
    }
    return null;
  }

  function save() {
    if (!conversation) return;
    // Direct Line refreshes its token itself; keep the newest so a refresh of the page can resume.
    if (directLine && typeof directLine.token === 'string' && directLine.token) conversation.token = directLine.token;
    try {
      sessionStorage.setItem(STORE_KEY, JSON.stringify({ conversationId: conversation.conversationId, token: conversation.token }));
    } catch {
      // Private mode with storage off: the chat works, it just cannot resume after a refresh.
    }
  }

  function forget() {
    try {
      sessionStorage.removeItem(STORE_KEY);
      sessionStorage.clear();
    } catch {
      // Nothing stored.
    }
  }

  /* Leave this site quickly: clear what this tab holds, then replace this page in the history. */
  function leaveNow(event) {
    if (event) event.preventDefault();
    forget();
    conversation = null;
    try {
      if (directLine) directLine.end();
    } catch {
      // Already closed.
    }
    document.title = '';
    document.body.innerHTML = '';
    location.replace(config.leaveUrl);
  }
  document.getElementById('leave').addEventListener('click', leaveNow);

  /* The language switch replaces this page too, so the history keeps one entry for this site. */
  Array.prototype.forEach.call(document.querySelectorAll('[data-language-switch]'), function (link) {
    link.addEventListener('click', function (event) {
      event.preventDefault();
      save();
      var next = new URL(link.href, location.href);
      if (!useWebSocket) next.searchParams.set('transport', 'polling');
      location.replace(next.href);
    });
  });

  function post(path, token, body) {
    var headers = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    return fetch(config.directLine + path, {
      method: 'POST',
      headers: headers,
      body: JSON.stringify(body || {}),
      credentials: 'omit',
      cache: 'no-store',
    }).then(function (response) {
      if (!response.ok) {
        var error = new Error('Direct Line ' + path + ' answered ' + response.status);
        error.status = response.status;
        throw error;
      }
      return response.json();
    });
  }

  /** The stored conversation with a fresh token, or a new conversation when there is none or it has expired. */
  function openConversation() {
    var saved = load();
    var resume = saved
      ? post('/tokens/refresh', saved.token).then(
          function (refreshed) {
            return refreshed.conversationId === saved.conversationId
              ? { conversationId: saved.conversationId, token: refreshed.token, resumed: true }
              : null;
          },
          function (error) {
            if (!error.status) throw error; // offline: do not throw the conversation away
            return null; // expired or deleted: start again
          },
        )
      : Promise.resolve(null);
    return resume.then(function (resumed) {
      if (resumed) return resumed;
      forget();
      return post('/tokens/generate', null, { locale: config.locale }).then(function (issued) {
        // A saved conversation that could not be resumed: the person is told why the chat starts again.
        return { conversationId: issued.conversationId, token: issued.token, resumed: false, timedOut: Boolean(saved) };
      });
    });
  }

  var styleOptions = {
    primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
    fontSizeSmall: '85%',
    accent: '#1d4ed8',
    backgroundColor: '#ffffff',
    subtle: '#505a5f',
    timestampColor: '#505a5f',
    paddingRegular: 12,
    paddingWide: 16,
    bubbleBackground: '#eef1f4',
    bubbleBorderColor: '#b1b4b6',
    bubbleBorderWidth: 1,
    bubbleBorderRadius: 12,
    bubbleTextColor: '#0b0c0c',
    bubbleMinHeight: 44,
    bubbleFromUserBackground: '#1a3a6b',
    bubbleFromUserBorderColor: '#1a3a6b',
    bubbleFromUserBorderWidth: 1,
    bubbleFromUserBorderRadius: 12,
    bubbleFromUserTextColor: '#ffffff',
    hideUploadButton: true,
    sendBoxHeight: 56,
    sendBoxTextColor: '#0b0c0c',
    sendBoxPlaceholderColor: '#505a5f',
    sendBoxButtonColor: '#1d4ed8',
    sendBoxBorderTop: 'solid 2px #b1b4b6',
    suggestedActionLayout: 'flow',
    suggestedActionHeight: 44,
    suggestedActionBorderRadius: 22,
    // Many choices scroll inside their own strip, with the third row cut to show there are more, so the question stays in sight.
    suggestedActionsFlowMaxHeight: 150,
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: '#1d4ed8',
    suggestedActionBorderWidth: 2,
    suggestedActionTextColor: '#1d4ed8',
    transcriptActivityVisualKeyboardIndicatorColor: '#0b0c0c',
    transcriptActivityVisualKeyboardIndicatorWidth: 3,
    transcriptVisualKeyboardIndicatorColor: '#0b0c0c',
    transcriptVisualKeyboardIndicatorWidth: 3,
  };

  /* Who said what: the server marks a link worker's words (channelData.frontDoor.from). */
  function isFromLinkWorker(activity) {
    var data = activity && activity.channelData;
    return Boolean(data && data.frontDoor && data.frontDoor.from === 'linkWorker');
  }

  function isCrisisReply(activity) {
    return Boolean(activity && activity.channelData && activity.channelData.safety === 'crisis');
  }

  /** The crisis numbers, each as the link that calls it. Web Chat's sanitiser allows tel: but not sms:. */
  var CRISIS_NUMBERS = /(^|[^\d])(999|111|116 123|0808 164 0123)(?![\d])/g;

  /** Markdown that makes the crisis numbers tappable. The bot's text is digits, words and bullets: nothing to escape. */
  function withTappableNumbers(text) {
    return text.replace(CRISIS_NUMBERS, function (match, before, number) {
      return before + '[' + number + '](tel:' + number.replace(/\s+/g, '') + ')';
    });
  }

  /**
   * The bot writes one line per point ("• call 999"), but Markdown joins single line breaks into one
   * paragraph: two trailing spaces keep each line on its own.
   */
  function withLineBreaks(text) {
    return text.replace(/([^\n])\n(?!\n)/g, '$1  \n');
  }

  /**
   * Screen readers hear who is speaking with each message ("Link worker said: ...", "Front Door said: ...").
   * Web Chat names every message not from the person with one label, so that label is left blank
   * (webChatStrings below) and each message carries its own in Web Chat's "fallback text".
   */
  function labelled(activity) {
    if (activity.type !== 'message' || !activity.from || activity.from.role === 'user') return activity;
    if (typeof activity.text !== 'string' || !activity.text || (activity.attachments && activity.attachments.length)) return activity;
    var speaker = isFromLinkWorker(activity) ? config.linkWorker.said : config.strings.ACTIVITY_BOT_SAID_ALT;
    var channelData = Object.assign({}, activity.channelData, { 'webchat:fallback-text': speaker + ' ' + activity.text });
    var text = withLineBreaks(isCrisisReply(activity) ? withTappableNumbers(activity.text) : activity.text);
    return Object.assign({}, activity, { channelData: channelData, text: text });
  }

  /** Web Chat store middleware: each message from the bot or a link worker is labelled as it arrives. */
  function labelIncoming() {
    return function (next) {
      return function (action) {
        if (action && action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload && action.payload.activity) {
          action = Object.assign({}, action, { payload: Object.assign({}, action.payload, { activity: labelled(action.payload.activity) }) });
        }
        return next(action);
      };
    };
  }

  /** React's element marker (Web Chat 4.18 bundles React 16), for elements made without a Web Chat element to copy. */
  var REACT_ELEMENT = typeof Symbol === 'function' && Symbol.for ? Symbol.for('react.element') : 0xeac7;

  /**
   * A React element without React: the Web Chat bundle does not export React, so the element's
   * type marker is taken from one Web Chat made.
   */
  function element(like, type, key, className, children) {
    return { $$typeof: like.$$typeof, type: type, key: key, ref: null, props: { className: className, children: children }, _owner: null };
  }

  function twoDigits(number) {
    return (number < 10 ? '0' : '') + number;
  }

  /**
   * When a message was sent, as UK clocks show it ("13:44", or "24/11 13:44" before today). Web Chat
   * formats times only in the languages it ships ("Sent at November 24 at 1:44 PM", "5 minutes ago"
   * on the Welsh page), and some browsers have no Welsh date words either: digits read the same in both.
   */
  function sentAt(timestamp) {
    var date = new Date(timestamp);
    if (isNaN(date.getTime())) return '';
    var time = twoDigits(date.getHours()) + ':' + twoDigits(date.getMinutes());
    if (new Date().toDateString() === date.toDateString()) return time;
    return date.getDate() + '/' + (date.getMonth() + 1) + ' ' + time;
  }

  /**
   * A sent message's time: seen as "13:44", heard as "Sent at 13:44" (in the page's language). When
   * Web Chat hides the time (a message grouped with the next one) it is still heard, not seen.
   */
  function timestampElement(when, hidden) {
    var heard = config.strings.ACTIVITY_STATUS_SEND_STATUS_ALT_SENT_AT.replace('$1', when);
    var at = { $$typeof: REACT_ELEMENT };
    var parts = [element(at, 'span', 'heard', 'visually-hidden', heard)];
    if (!hidden) parts.push({ $$typeof: REACT_ELEMENT, type: 'span', key: 'seen', ref: null, props: { 'aria-hidden': true, children: when }, _owner: null });
    return element(at, 'span', null, 'webchat__activity-status frontdoor-timestamp', parts);
  }

  /**
   * Web Chat activity status middleware: its own status ("Sending", "Not sent") stays; the time is ours,
   * hidden ones included (Web Chat still reads those out, as "Sent at November 24 at 2:43 PM").
   */
  function localTimestampMiddleware() {
    return function (next) {
      return function (args) {
        if (!args || args.sendState !== 'sent' || !args.activity) return next(args);
        var when = sentAt(args.activity.timestamp);
        return when ? timestampElement(when, args.hideTimestamp) : next(args);
      };
    };
  }

  /**
   * Web Chat names each message "message" (and attachments "attachment") to screen readers in
   * English whatever the language: those names are put into the page's language as they appear.
   */
  function localiseRoleDescriptions(root) {
    var names = config.roleDescriptions;
    function localise(node) {
      var role = node.getAttribute('aria-roledescription');
      if (role && Object.prototype.hasOwnProperty.call(names, role) && names[role] !== role) node.setAttribute('aria-roledescription', names[role]);
    }
    function sweep() {
      Array.prototype.forEach.call(root.querySelectorAll('[aria-roledescription]'), localise);
    }
    if (typeof MutationObserver === 'function') {
      new MutationObserver(sweep).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-roledescription'] });
    }
    sweep();
  }

  /** A link worker's message gets a visible "Link worker" name and its own colours (CSS in the page). */
  function linkWorkerActivityMiddleware() {
    return function (next) {
      return function (card) {
        var render = next.apply(null, arguments);
        if (!render || !card || !isFromLinkWorker(card.activity)) return render;
        return function () {
          var rendered = render.apply(null, arguments);
          if (!rendered) return rendered;
          return element(rendered, 'div', null, 'frontdoor-link-worker', [
            element(rendered, 'p', 'name', 'frontdoor-link-worker__name', config.linkWorker.label),
            element(rendered, 'div', 'message', 'frontdoor-link-worker__message', rendered),
          ]);
        };
      };
    };
  }

  /** Web Chat's labels, with the one label for every non-person message left blank (see labelled). */
  function webChatStrings() {
    return Object.assign({}, config.strings, { ACTIVITY_BOT_SAID_ALT: ' ' });
  }

  /** The page's phone layout (its CSS media query): there the chat fills the rest of the first screen. */
  var PHONE = '(max-width: 40rem)';
  var REM = 16;

  /**
   * On a phone, the chat's bottom edge (the message box) ends at the bottom of the first screen, however
   * much the words above it take (Welsh runs longer than English). A screen too short for that (a phone
   * on its side, 400% zoom) gets a chat as tall as the screen, so question, choices and box fit together.
   */
  function fitChatToScreen() {
    if (!window.matchMedia || !window.matchMedia(PHONE).matches) {
      container.style.removeProperty('height');
      container.style.removeProperty('min-height');
      return;
    }
    var top = container.getBoundingClientRect().top + window.scrollY;
    var gap = 0.5 * REM;
    var least = Math.min(20 * REM, window.innerHeight - 2 * gap);
    container.style.minHeight = '0';
    container.style.height = Math.max(window.innerHeight - top - gap, least) + 'px';
  }

  function failed() {
    status.textContent = config.failed;
    status.className = 'chat-status failed';
  }

  if (typeof WebChat === 'undefined') {
    failed();
    return;
  }

  openConversation().then(function (opened) {
    conversation = { conversationId: opened.conversationId, token: opened.token };
    directLine = WebChat.createDirectLine({
      domain: location.origin + config.directLine,
      token: opened.token,
      // A resumed conversation reconnects (GET conversations/:id), and the whole history comes back.
      conversationId: opened.resumed ? opened.conversationId : undefined,
      webSocket: useWebSocket,
    });
    directLine.connectionStatus$.subscribe(function (connection) {
      if (connection === ONLINE) save();
    });
    if (opened.resumed) save();
    setInterval(save, 15000);
    window.addEventListener('pagehide', save);

    WebChat.renderWebChat(
      {
        directLine: directLine,
        locale: config.locale,
        overrideLocalizedStrings: webChatStrings(),
        styleOptions: styleOptions,
        store: WebChat.createStore({}, labelIncoming),
        activityMiddleware: linkWorkerActivityMiddleware,
        activityStatusMiddleware: localTimestampMiddleware,
        nonce: config.nonce,
      },
      container,
    );
    localiseRoleDescriptions(container);
    status.textContent = '';
    if (opened.timedOut) document.getElementById('chat-notice').textContent = config.timedOut;
    fitChatToScreen();
    window.addEventListener('resize', fitChatToScreen);
    document.documentElement.setAttribute('data-chat', opened.resumed ? 'resumed' : 'started');
  }, failed);
})();
