// Two accessibility fixes to Material's own behaviour, on every page.
(function () {
  "use strict"

  // Escape closes the menu drawer (on a phone, or a zoomed-in screen) as it closes search,
  // and gives the focus back to the menu button.
  document.addEventListener("keydown", function (event) {
    var drawer = document.getElementById("__drawer")
    if (event.key !== "Escape" || !drawer || !drawer.checked) return
    drawer.click() // unticks it and tells Material, as the menu button does
    var button = document.querySelector('label.md-header__button[for="__drawer"]')
    if (button) button.focus()
  })

  // When the reader asks for less motion, scrolling that Material's script asks to be smooth
  // (the table of contents following the page) jumps instead.
  var lessMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)")
  if (!lessMotion) return
  ;["scrollTo", "scrollBy"].forEach(function (name) {
    var original = Element.prototype[name]
    Element.prototype[name] = function (options) {
      var args = Array.prototype.slice.call(arguments)
      if (lessMotion.matches && options && typeof options === "object"
          && options.behavior === "smooth") {
        args[0] = Object.assign({}, options, { behavior: "auto" })
      }
      return original.apply(this, args)
    }
  })
})()
