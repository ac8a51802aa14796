// The bar of links to an exercise page's sections stays in view under the header, unless
// large text makes it tall: then it scrolls away with the page, so it never covers much
// of a small screen (WCAG 1.4.10). Without this script it always stays in view.
(function () {
  "use strict"

  const TALLEST = 0.15 // of the window's height

  document.querySelectorAll("[data-gm-sections]").forEach(function (bar) {
    const fit = function () {
      bar.classList.remove("gm-jump--scrolls")
      bar.classList.toggle("gm-jump--scrolls", bar.offsetHeight > window.innerHeight * TALLEST)
    }
    fit()
    window.addEventListener("resize", fit)
    // Larger text makes the bar taller without resizing the window.
    if (window.ResizeObserver) new ResizeObserver(fit).observe(bar)
  })
})()
