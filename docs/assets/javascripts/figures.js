// The animation of each exercise picture, with a button to pause it. Without JavaScript, or
// for readers who ask for reduced motion, there is no animation: the still start and end
// pictures are always on the page, and print.
(function () {
  "use strict"

  const reduced = window.matchMedia("(prefers-reduced-motion: reduce)")

  function setPaused(motion, button, paused) {
    const svg = motion.querySelector("svg")
    if (paused) {
      svg.pauseAnimations()
    } else {
      svg.unpauseAnimations()
    }
    motion.dataset.gmPaused = String(paused)
    button.textContent = paused ? "Play the movement" : "Pause the movement"
  }

  document.querySelectorAll("[data-gm-motion]").forEach(function (motion) {
    const button = motion.querySelector("[data-gm-motion-toggle]")
    const svg = motion.querySelector("svg")
    if (!button || !svg || typeof svg.pauseAnimations !== "function") return
    if (reduced.matches) {
      motion.remove()
      return
    }
    // A reader who turns on reduced motion later loses the animation too.
    reduced.addEventListener("change", function (event) {
      if (event.matches) motion.remove()
    })
    motion.hidden = false
    button.hidden = false
    setPaused(motion, button, false)
    button.addEventListener("click", function () {
      setPaused(motion, button, motion.dataset.gmPaused !== "true")
    })
  })
})()
