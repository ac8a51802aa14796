// The hold and repetition timer on exercise pages, and their "Add to my routine" link.
// The markup and the dose (as data attributes) come from hooks/gentle_movements/timer.py.
// Without JavaScript both stay hidden, and the dose above says what to do.
(function () {
  "use strict"

  const READY_SECONDS = 5
  const TICK_MS = 200
  const RING = 2 * Math.PI * 45 // the progress ring's circumference (r=45 in timer.py)
  const ROUTINE_KEY = "gentle-movements:routine" // as routine.js keeps it, when asked to
  const SESSION_KEY = "gentle-movements:routine-this-session" // as routine.js keeps it

  document.querySelectorAll("[data-gm-timer]").forEach(setUp)
  document.querySelectorAll("[data-gm-routine-add]").forEach(linkToRoutine)

  function setUp(box) {
    const number = function (name) { return Number(box.getAttribute("data-" + name)) || 0 }
    const dose = {
      holdMin: number("hold-min"), holdMax: number("hold-max"),
      repsMin: number("repetitions"), repsMax: number("repetitions-max"),
      sides: box.getAttribute("data-sides"), sets: Math.max(1, number("sets")),
      rest: number("rest"), pace: number("pace") || 5, between: number("between") || 5,
    }
    const part = function (name) { return box.querySelector("[data-gm-timer-" + name + "]") }
    const phase = part("phase")
    const count = part("count")
    const unit = part("unit")
    const next = part("next")
    const status = part("status")
    const toggle = part("toggle")
    const reset = part("reset")
    const ring = part("ring")
    const still = window.matchMedia("(prefers-reduced-motion: reduce)")
    const sound = part("sound")

    let hold = dose.holdMin
    let reps = dose.repsMin
    let steps = []
    let before = 0 // milliseconds run before the last start
    let startedAt = null // when the timer last started running, or null when it is stopped
    let ticking = null
    let shown = -1 // the step on screen; -1 before the first start
    let finished = false
    let awake = null

    const selects = settings()
    planAndShow()
    box.hidden = false
    startFromTheTop()

    toggle.addEventListener("click", function () {
      wakeSound() // browsers let a page make sound only after the reader presses something
      if (startedAt !== null) pause()
      else if (shown < 0 || finished) start()
      else resume()
    })
    sound.addEventListener("change", wakeSound)
    reset.addEventListener("click", function () {
      stop()
      planAndShow()
      say("Timer reset.")
    })

    // "Start the timer" under the safety strip: brings the timer into view and starts it,
    // with the usual seconds to get ready, so a reader need not find it first.
    function startFromTheTop() {
      document.querySelectorAll("[data-gm-timer-start]").forEach(function (button) {
        button.addEventListener("click", function (event) {
          event.preventDefault()
          box.scrollIntoView({ block: "center", behavior: still.matches ? "auto" : "smooth" })
          if (startedAt === null && (shown < 0 || finished)) toggle.click()
          toggle.focus({ preventScroll: true })
        })
        button.hidden = false
      })
    }

    // The plan: every phase in order, each with its length and what a screen reader hears.
    function plan() {
      const made = []
      const sides = dose.sides === "each" ? ["left side", "right side"] : [""]
      const restBetweenReps = dose.sets === 1 && dose.rest ? dose.rest : dose.between
      for (let set = 1; set <= dose.sets; set++) {
        for (let rep = 1; rep <= reps; rep++) {
          sides.forEach(function (side, sideIndex) {
            const label = (hold ? "Hold " : "Repetition ") + rep + " of " + reps
              + (side ? ", " + side : "") + (dose.sets > 1 ? ", set " + set + " of " + dose.sets : "")
            made.push({ kind: hold ? "hold" : "move", seconds: hold || dose.pace, label: label })
            const lastOfSet = rep === reps && sideIndex === sides.length - 1
            if (lastOfSet && set < dose.sets) {
              made.push({ kind: "rest", seconds: dose.rest || dose.between, label: "Rest" })
            } else if (!lastOfSet && (hold || (dose.sets === 1 && dose.rest))) {
              made.push({ kind: "rest", seconds: restBetweenReps, label: "Rest" })
            }
          })
        }
      }
      made.unshift({ kind: "ready", seconds: READY_SECONDS, label: "Get ready" })
      made.forEach(function (step, index) {
        const following = made[index + 1]
        step.next = !following ? "This is the last one."
          : following.kind === "rest" ? "Next: rest for " + following.seconds + " seconds."
          : "Next: " + following.label.charAt(0).toLowerCase() + following.label.slice(1) + "."
        step.say = step.kind === "rest" || step.kind === "ready"
          ? step.label + ". " + step.next
          : step.label + ". " + (step.kind === "hold" ? step.seconds + " seconds." : "Move slowly.")
      })
      return made
    }

    function summary() {
      const each = dose.sides === "each" ? " on each side" : ""
      const sets = dose.sets > 1 ? ", " + dose.sets + " times over" : ""
      const ready = " First you get " + READY_SECONDS + " seconds to get ready."
      if (hold) {
        const rest = dose.sets === 1 && dose.rest ? dose.rest : dose.between
        return "It counts " + reps + " holds of " + hold + " seconds" + each + sets + ", with "
          + rest + " seconds to rest between them." + ready
      }
      return "It counts " + reps + " slow repetitions" + each + sets + ", about " + dose.pace
        + " seconds each." + ready
    }

    function planAndShow() {
      steps = plan()
      part("plan").textContent = summary()
      phase.textContent = "Ready when you are"
      count.textContent = String(steps[1].seconds)
      unit.textContent = steps[1].kind === "hold" ? "second hold" : "seconds each"
      next.textContent = "Press Start to begin."
      box.dataset.phase = "ready"
      drawRing(0)
    }

    // A choice within the dose's range ("20 to 30 seconds"), starting at its gentlest.
    function settings() {
      const made = []
      const choose = function (text, low, high, step, onChange) {
        if (high <= low) return
        const id = "gm-timer-" + text.split(" ")[0].toLowerCase()
        const line = document.createElement("p")
        const label = document.createElement("label")
        label.htmlFor = id
        label.textContent = text + " "
        const select = document.createElement("select")
        select.id = id
        for (let value = low; value <= high; value += step) select.append(new Option(value, value))
        if ((high - low) % step) select.append(new Option(high, high))
        select.addEventListener("change", function () {
          onChange(Number(select.value))
          planAndShow()
        })
        line.append(label, select)
        part("settings").append(line)
        made.push(select)
      }
      choose("Hold for (seconds)", dose.holdMin, dose.holdMax, dose.holdMax - dose.holdMin >= 10 ? 5 : 1,
        function (value) { hold = value })
      choose("Repetitions", dose.repsMin, dose.repsMax, 1, function (value) { reps = value })
      return made
    }

    // Running -------------------------------------------------------------------------------

    function elapsed() {
      return before + (startedAt === null ? 0 : Date.now() - startedAt)
    }

    function start() {
      stop()
      steps = plan()
      run()
      tick()
    }

    function run() {
      startedAt = Date.now()
      ticking = setInterval(tick, TICK_MS)
      toggle.textContent = "Pause"
      selects.forEach(function (select) { select.disabled = true })
      keepAwake(true)
    }

    function pause() {
      before = elapsed()
      startedAt = null
      clearInterval(ticking)
      toggle.textContent = "Resume"
      keepAwake(false)
      const step = steps[shown]
      say("Paused. " + step.label + ", " + secondsLeft() + " seconds left.")
      next.textContent = "Paused. Press Resume to go on."
    }

    function resume() {
      run()
      const step = steps[shown]
      say("Going again. " + step.label + ", " + secondsLeft() + " seconds left.")
      tick()
    }

    function stop() {
      clearInterval(ticking)
      before = 0
      startedAt = null
      shown = -1
      finished = false
      toggle.textContent = "Start"
      selects.forEach(function (select) { select.disabled = false })
      keepAwake(false)
    }

    function where() {
      // The step the elapsed time falls in, and when that step started (ms).
      const ms = elapsed()
      let began = 0
      for (let index = 0; index < steps.length; index++) {
        const end = began + steps[index].seconds * 1000
        if (ms < end) return { index: index, began: began, ms: ms }
        began = end
      }
      return { index: steps.length, began: began, ms: ms }
    }

    function secondsLeft() {
      const at = where()
      const step = steps[at.index]
      return step ? Math.ceil((at.began + step.seconds * 1000 - at.ms) / 1000) : 0
    }

    function tick() {
      const at = where()
      if (at.index >= steps.length) {
        finish()
        return
      }
      const step = steps[at.index]
      if (at.index !== shown) {
        shown = at.index
        phase.textContent = step.label
        next.textContent = step.next
        box.dataset.phase = step.kind
        say(step.say)
        beep(step.kind === "hold" || step.kind === "move")
      }
      const left = Math.ceil((at.began + step.seconds * 1000 - at.ms) / 1000)
      count.textContent = String(left)
      unit.textContent = left === 1 ? "second" : "seconds"
      drawRing((at.ms - at.began) / (step.seconds * 1000))
    }

    function finish() {
      clearInterval(ticking)
      startedAt = null
      finished = true
      toggle.textContent = "Start again"
      selects.forEach(function (select) { select.disabled = false })
      keepAwake(false)
      phase.textContent = "Finished. Well done."
      count.textContent = ""
      unit.textContent = ""
      next.textContent = "Stop if anything feels worse. See the stop rules below."
      box.dataset.phase = "done"
      drawRing(1)
      say("Finished. Well done.")
      beep(false)
    }

    function drawRing(fraction) {
      if (still.matches) return // no moving ring for readers who ask for less motion
      ring.style.strokeDashoffset = String(RING * (1 - Math.min(1, Math.max(0, fraction))))
    }

    function say(message) {
      status.textContent = message
    }

    // A short, soft tone at each change, for readers who cannot watch the screen while they
    // hold a stretch: higher when a hold or repetition starts, lower for a rest or the end.
    // Off unless the reader ticks it.
    let audio = null

    function wakeSound() {
      const Audio = window.AudioContext || window.webkitAudioContext
      if (!sound.checked || !Audio) return
      try {
        audio = audio || new Audio()
        if (audio.state === "suspended") audio.resume()
      } catch (error) {
        audio = null // no sound on this device; the text still changes
      }
    }

    function beep(high) {
      if (!sound.checked || !audio) return
      const now = audio.currentTime
      const tone = audio.createOscillator()
      const volume = audio.createGain()
      tone.frequency.value = high ? 880 : 523
      volume.gain.setValueAtTime(0.0001, now)
      volume.gain.exponentialRampToValueAtTime(0.25, now + 0.02)
      volume.gain.exponentialRampToValueAtTime(0.0001, now + 0.4)
      tone.connect(volume).connect(audio.destination)
      tone.start(now)
      tone.stop(now + 0.45)
    }

    // Keep a phone's screen on while the timer runs, where the browser allows it.
    function keepAwake(on) {
      if (on && !awake && navigator.wakeLock && window.isSecureContext) {
        awake = navigator.wakeLock.request("screen").then(function (lock) {
          if (startedAt === null) lock.release()
          return lock
        }, function () { return null })
      } else if (!on && awake) {
        awake.then(function (lock) { if (lock) lock.release() })
        awake = null
      }
    }
  }

  // "Add to my routine": adds to the routine being built in this browser session (kept by
  // routine.js), or else to the one this device remembers, if the reader asked for that.
  // routine.js reads the kept routine in whichever format it was kept, and adds this one.
  function linkToRoutine(link) {
    const token = link.getAttribute("data-gm-routine-add") // "bridge" or "bridge~on-the-bed"
    const slug = token.split("~")[0]
    const kept = stored("sessionStorage", SESSION_KEY) ?? stored("localStorage", ROUTINE_KEY)
    const written = !kept ? "" : /^r[0-9]*=/.test(kept) ? kept : "r=" + kept
    const items = written.slice(written.indexOf("=") + 1).split(",").filter(Boolean)
    const hash = items.length ? written : ""
    const has = items.some(function (item) { return item.split("~")[0] === slug })
    const page = link.getAttribute("href").split("#")[0]
    if (has) {
      link.href = page + "#" + hash
      link.textContent = "Open my routine (it has this exercise)"
    } else {
      link.href = page + "#" + (hash ? hash + "&" : "") + "add=" + encodeURIComponent(token)
      if (items.length) {
        link.textContent = "Add to my routine (" + items.length
          + (items.length === 1 ? " exercise" : " exercises") + " so far)"
      }
    }
    link.parentElement.hidden = false
  }

  function stored(kind, key) {
    try {
      return window[kind].getItem(key)
    } catch (error) {
      return null // storage is blocked
    }
  }
})()
