// Counts a view of this page, and a play of its video, for the portal's statistics: no cookie,
// nothing stored in the browser. The page's id comes from this script's data-page attribute.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.dataset.page || !navigator.sendBeacon) {
    return;
  }
  var endpoint = script.dataset.endpoint;
  var page = script.dataset.page;

  // The fields go in the query string, where nginx can log them without reading a body;
  // the referrer last, so that a very long one is all a truncated log line loses.
  function send(kind, referrer) {
    var fields = new URLSearchParams({ page: page, kind: kind });
    if (referrer) {
      fields.set("ref", referrer);
    }
    navigator.sendBeacon(endpoint + "?" + fields.toString());
  }

  // A page the browser prerenders is counted only when the visitor actually opens it.
  function whenShown(callback) {
    if (document.prerendering) {
      document.addEventListener("prerenderingchange", callback, { once: true });
    } else {
      callback();
    }
  }

  // Only the referrer's origin: the reports keep only its domain, and a load balancer or CDN
  // in front of nginx may log query strings, which should not carry the address read before.
  function origin(address) {
    try {
      return address ? new URL(address).origin : "";
    } catch (error) {
      return "";
    }
  }

  whenShown(function () {
    send("view", origin(document.referrer));
  });

  // The player is another site's frame, which tells nothing; a click into it moves the focus
  // from this window to the frame, which is what starts the video. Counted once per visit.
  var players = document.querySelectorAll("[data-analytics-player] iframe");
  if (players.length) {
    var played = false;
    window.addEventListener("blur", function () {
      window.setTimeout(function () {
        var active = document.activeElement;
        if (!played && active && Array.prototype.indexOf.call(players, active) !== -1) {
          played = true;
          send("play");
        }
      }, 0);
    });
  }
})();
