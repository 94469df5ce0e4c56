/* Two-click video embed (progressive enhancement).
 *
 * Without this script each recording is a plain link to the platform. With it,
 * the link becomes a button; only its click inserts the iframe, so nothing is
 * requested from the platform before the visitor chooses to.
 */
(function () {
  "use strict";

  function enhance(box) {
    var link = box.querySelector(".video-embed__control");
    var frame = box.querySelector(".video-embed__frame");
    if (!link || !frame) {
      return;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "video-embed__control";
    button.textContent = box.getAttribute("data-embed-button");
    button.setAttribute("aria-describedby", link.getAttribute("aria-describedby"));
    link.replaceWith(button);

    button.addEventListener("click", function () {
      var iframe = document.createElement("iframe");
      iframe.className = "video-embed__iframe";
      iframe.src = box.getAttribute("data-embed-src") + "?autoplay=1";
      iframe.title = box.getAttribute("data-embed-title");
      iframe.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
      iframe.allowFullscreen = true;
      iframe.referrerPolicy = "strict-origin-when-cross-origin";
      frame.replaceChildren(iframe);
      button.remove();
      iframe.focus();
    });
  }

  document.querySelectorAll("[data-embed-src]").forEach(enhance);
})();
