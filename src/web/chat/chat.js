/*
 * The web chat page's own script (served at /static/chat.js). It connects Bot Framework Web Chat
 * (/static/webchat.js) to Front Door's self-hosted Direct Line on this same server, resumes the
 * conversation after a refresh, and wires the "Leave this site quickly" button.
 *
 * Settings come from the page's JSON block (#frontdoor-config); words come from the server's
 * locale files, never from here. Written for older phone browsers: no optional chaining, no
 * build step. Page options: ?transport=polling uses HTTP polling instead of the WebSocket stream.
 */
/* global window, document, sessionStorage, location, fetch, setInterval, URL, URLSearchParams, WebChat */
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
        return { conversationId: issued.conversationId, token: issued.token, resumed: false };
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
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: '#1d4ed8',
    suggestedActionBorderWidth: 2,
    suggestedActionTextColor: '#1d4ed8',
    transcriptActivityVisualKeyboardIndicatorColor: '#0b0c0c',
    transcriptActivityVisualKeyboardIndicatorWidth: 3,
    transcriptVisualKeyboardIndicatorColor: '#0b0c0c',
    transcriptVisualKeyboardIndicatorWidth: 3,
  };

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
        overrideLocalizedStrings: config.strings,
        styleOptions: styleOptions,
        nonce: config.nonce,
      },
      container,
    );
    status.textContent = '';
    document.documentElement.setAttribute('data-chat', opened.resumed ? 'resumed' : 'started');
  }, failed);
})();
