// Added to pages only by `brukervalg serve`: reloads the page when a build
// finishes (good or failed), so an editor sees each save without reloading.
(function () {
  "use strict";
  var script = document.currentScript;
  var shown = script && script.getAttribute("data-generation");
  if (!shown || !window.EventSource) {
    return;
  }
  var events = new EventSource("/__brukervalg/events");
  events.onmessage = function (event) {
    if (event.data !== shown) {
      events.close();
      window.location.reload();
    }
  };
})();
