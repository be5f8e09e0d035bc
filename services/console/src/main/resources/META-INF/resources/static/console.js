// newswatch console: the little the pages need beyond htmx. No inline scripts (the Content-Security-Policy forbids
// them): confirmations, the unread count of live alerts, and the live stream's state.
(function () {
  'use strict';

  // Forms that change something important ask first: <form data-confirm="...">.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  // "/" moves to the search box, as in most search tools.
  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var active = document.activeElement;
    if (active && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName))) {
      return;
    }
    var box = document.getElementById('q');
    if (box) {
      event.preventDefault();
      box.focus();
      box.select();
    }
  });

  // Live alerts: each arrives once (the page may already list it), counts as unread until read.
  var list = document.getElementById('alerts');
  if (!list) {
    return;
  }
  var baseTitle = document.title;
  var badge = document.getElementById('unread-count');
  var markRead = document.getElementById('mark-read');
  var status = document.getElementById('live-status');

  function unreadCount() {
    return list.querySelectorAll('li.alert.unread').length;
  }

  function showUnread() {
    var count = unreadCount();
    document.title = count > 0 ? '(' + count + ') ' + baseTitle : baseTitle;
    if (badge) {
      badge.textContent = count + ' new';
      badge.hidden = count === 0;
    }
    if (markRead) {
      markRead.hidden = count === 0;
    }
  }

  function read(item) {
    item.classList.remove('unread');
    var label = item.querySelector('.badge.new');
    if (label) {
      label.remove();
    }
  }

  list.addEventListener('htmx:sseBeforeMessage', function (event) {
    var match = /data-alert-id="([^"]+)"/.exec(event.detail.data || '');
    if (match && list.querySelector('[data-alert-id="' + CSS.escape(match[1]) + '"]')) {
      event.preventDefault(); // already listed
    }
  });
  list.addEventListener('htmx:sseMessage', function () {
    var empty = document.getElementById('no-alerts');
    if (empty) {
      empty.remove();
    }
    showUnread();
  });
  list.addEventListener('click', function (event) {
    var item = event.target.closest && event.target.closest('li.alert.unread');
    if (item && event.target.closest('a')) {
      read(item);
      showUnread();
    }
  });
  if (markRead) {
    markRead.addEventListener('click', function () {
      list.querySelectorAll('li.alert.unread').forEach(read);
      showUnread();
    });
  }
  var live = document.getElementById('live');
  if (live && status) {
    live.addEventListener('htmx:sseOpen', function () {
      live.setAttribute('data-connected', 'true');
      status.classList.remove('down');
      status.lastChild.textContent = ' Live: new alerts appear at the top as they are raised.';
    });
    live.addEventListener('htmx:sseError', function () {
      live.setAttribute('data-connected', 'false');
      status.classList.add('down');
      status.lastChild.textContent = ' Reconnecting to the live stream…';
    });
  }
  showUnread();
})();
