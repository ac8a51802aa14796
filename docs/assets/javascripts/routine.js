// "My routine": choose exercises and their versions; the routine lives in the page's address
// (#r2=bridge,cat-cow~on-a-chair), so it can be bookmarked, shared and printed with no account
// and no server. It is kept on the device only if the reader turns that on; while the
// browser stays open it is also kept for the session, so that "Add to my routine" on an
// exercise page (timer.js) adds to it. The page and the address format come from
// src/gentle_movements/pages/routine.py.
(function () {
  "use strict"

  const root = document.getElementById("gm-routine")
  const dataBlock = document.getElementById("gm-routine-data")
  if (!root || !dataBlock) return

  const STORAGE_KEY = "gentle-movements:routine"
  const SESSION_KEY = "gentle-movements:routine-this-session" // as timer.js reads it
  const MOST_ITEMS = 40
  const data = JSON.parse(dataBlock.textContent)
  const exercises = new Map(data.exercises.map(function (e) { return [e.slug, e] }))
  const redirects = new Map(Object.entries(data.redirects || {}))

  const find = function (name) { return root.querySelector("[data-gm-routine-" + name + "]") }
  const list = find("list")
  const empty = find("empty")
  const notice = find("notice")
  const status = find("status")
  const remember = find("remember")
  const rememberNote = find("remember-note")
  const forgetButton = find("forget")
  const addressText = find("address")
  const printAddress = document.querySelector("[data-gm-routine-print-address]")
  const printQr = document.querySelector("[data-gm-routine-print-qr]")
  const printed = document.querySelector("[data-gm-routine-printed]")
  const printedExercises = document.querySelector("[data-gm-routine-printed-exercises]")
  const sheets = new Map(Array.from(document.querySelectorAll("[data-gm-sheet]"), function (s) {
    return [s.dataset.gmSheet, s]
  }))
  const picks = Array.from(root.querySelectorAll("[data-gm-routine-pick]"))
  const store = localStore()
  const session = sessionStore()

  let routine = []
  let writtenHash = null

  // The address format: version 2 (r2=), and version 1 (r=) read ---------------------------

  function parse(hash) {
    const result = { found: false, tooNew: false, items: [], problems: [], added: null }
    let add = null
    for (const part of hash.replace(/^#/, "").split("&")) {
      const equals = part.indexOf("=")
      const key = equals < 0 ? part : part.slice(0, equals)
      if (key === "r" || key === "r1" || key === "r2") {
        result.found = true
        readItems(decode(part.slice(equals + 1)), result, key === "r2" ? 2 : 1)
      } else if (key === "add") {
        // Set by "Add to my routine": the exercise (or version) to add, and then to name.
        add = decode(part.slice(equals + 1))
      } else if (/^r[0-9]+$/.test(key)) {
        result.tooNew = true
      }
    }
    if (add !== null) {
      const before = result.items.length
      readItems(add, result, 2)
      if (result.items.length > before) result.added = result.items[before].slug
      result.found = true
    }
    return result
  }

  // The version a token names: "" for the exercise itself, or the id of one of its versions.
  // Format 1 named versions by number (easier3); the data says which version each is now.
  function versionIn(exercise, token, format, problems) {
    if (!token) return ""
    const id = format === 1 ? exercise.was[token] : token
    if (id !== undefined && exercise.versions.some(function (v) { return v.id === id })) {
      return id
    }
    problems.push("This routine asks for a version of " + exercise.title
      + " that we no longer have as a page of its own ('" + shorten(token)
      + "'). It shows " + exercise.title + " (" + exercise.name.toLowerCase()
      + "), whose page lists the smaller changes.")
    return ""
  }

  function readItems(value, result, format) {
    const tokens = value.split(",").map(function (t) { return t.trim() }).filter(Boolean)
    for (const token of tokens.slice(0, MOST_ITEMS)) {
      const tilde = token.indexOf("~")
      const name = tilde < 0 ? token : token.slice(0, tilde)
      const version = tilde < 0 ? "" : token.slice(tilde + 1)
      let slug = name.toLowerCase()
      for (let hops = 0; redirects.has(slug) && hops < 10; hops++) slug = redirects.get(slug)
      const exercise = exercises.get(slug)
      if (!exercise) {
        result.problems.push("This routine names an exercise we no longer have: '"
          + shorten(name) + "'.")
        continue
      }
      if (result.items.some(function (item) { return item.slug === slug })) continue
      result.items.push({ slug: slug, version: versionIn(exercise, version, format,
        result.problems) })
    }
  }

  function serialise(items) {
    return items.map(function (item) {
      return item.slug + (item.version ? "~" + item.version : "")
    }).join(",")
  }

  function decode(text) {
    try { return decodeURIComponent(text) } catch (error) { return text }
  }

  function shorten(text) {
    return text.length > 40 ? text.slice(0, 39) + "…" : text
  }

  // The routine on screen -------------------------------------------------------------------

  function element(tag, className, text) {
    const made = document.createElement(tag)
    if (className) made.className = className
    if (text !== undefined) made.textContent = text
    return made
  }

  function button(label, title, action) {
    const made = element("button", "md-button gm-routine-button", label)
    made.type = "button"
    made.append(element("span", "gm-routine-sr", " " + title))
    made.addEventListener("click", action)
    return made
  }

  function versionOf(exercise, id) {
    return exercise.versions.find(function (version) { return version.id === id }) || null
  }

  function itemElement(item) {
    const exercise = exercises.get(item.slug)
    const entry = element("li", "gm-routine-item")
    entry.dataset.slug = item.slug
    const text = element("div", "gm-routine-item-text")

    const title = element("h3", "gm-routine-item-title")
    const link = element("a", "", exercise.title)
    link.href = exercise.address
    title.append(link)
    text.append(title, element("p", "gm-routine-item-kind", exercise.kind))

    const chooser = element("p", "gm-routine-version")
    const id = "gm-version-" + item.slug
    // Seen as "Version"; heard as "Version of Cat-cow", one name for each exercise's control.
    const label = element("label", "", "Version")
    label.append(element("span", "gm-routine-sr", " of " + exercise.title), " ")
    label.htmlFor = id
    const select = element("select")
    select.id = id
    select.append(new Option(exercise.name, ""))
    for (const version of exercise.versions) {
      const word = version.kind === "easier" ? "Easier" : "Harder"
      select.append(new Option(word + ": " + version.name, version.id))
    }
    select.value = item.version
    chooser.append(label, select)
    if (select.options.length > 1) text.append(chooser)

    const how = element("p", "gm-routine-item-how")
    const dose = element("ul", "gm-routine-item-dose")
    const showVersion = function () {
      const version = versionOf(exercise, item.version)
      how.replaceChildren()
      how.hidden = !version
      if (version) {
        const word = version.kind === "easier" ? "Easier: " : "Harder: "
        const page = element("a", "", word + version.name)
        page.href = version.address
        how.append(element("strong", "", ""), " ", version.summary)
        how.firstChild.append(page, ".")
      }
      link.href = version ? version.address : exercise.address
      dose.replaceChildren()
      for (const row of (version || exercise).dose) {
        // The numbers are printed; how often and one repetition are on the screen only.
        const line = element("li", row.counted ? "" : "gm-routine-screen-only")
        line.append(element("strong", "", row.label + ": "), row.text)
        dose.append(line)
      }
    }
    showVersion()
    select.addEventListener("change", function () {
      item.version = select.value
      showVersion()
      changed()
    })
    text.append(how, dose)

    const actions = element("p", "gm-routine-item-buttons")
    actions.append(
      button("Move up", exercise.title, function () { move(item, -1, this) }),
      button("Move down", exercise.title, function () { move(item, 1, this) }),
      button("Remove", exercise.title, function () { removeItem(item, true) }),
    )
    text.append(actions)

    entry.append(text)
    return entry
  }

  // The printout ------------------------------------------------------------------------------

  // Each chosen exercise's sheet, in order: the one of the version chosen.
  function fillPrintout() {
    printedExercises.replaceChildren.apply(printedExercises, routine.map(function (item, n) {
      const exercise = exercises.get(item.slug)
      const version = versionOf(exercise, item.version)
      const sheet = sheets.get(serialise([item])).cloneNode(true)
      sheet.querySelector("[data-gm-sheet-number]").textContent = (n + 1) + ". "
      const address = (version || exercise).hosted
      sheet.querySelector("[data-gm-sheet-qr]").replaceChildren(
        window.GentleMovementsQr.svg(address, "QR code that opens " + address))
      return sheet
    }))
    const address = shareAddress()
    printAddress.textContent = "To open this routine again, scan the code or go to: " + address
    printQr.replaceChildren(window.GentleMovementsQr.svg(address, "QR code that opens "
      + address))
    printed.textContent = "Printed on " + new Date().toLocaleDateString("en-GB",
      { day: "numeric", month: "long", year: "numeric" }) + "."
  }

  function showRoutine() {
    list.replaceChildren.apply(list, routine.map(itemElement))
    for (const pick of picks) {
      pick.checked = routine.some(function (item) { return item.slug === pick.value })
    }
    tidy()
  }

  function tidy() {
    empty.hidden = routine.length > 0
    list.hidden = routine.length === 0
    Array.from(list.children).forEach(function (entry, index) {
      const [up, down] = entry.querySelectorAll(".gm-routine-item-buttons button")
      up.setAttribute("aria-disabled", String(index === 0))
      down.setAttribute("aria-disabled", String(index === routine.length - 1))
    })
  }

  function entryOf(item) {
    return list.querySelector("[data-slug='" + item.slug + "']")
  }

  function move(item, step, pressed) {
    const from = routine.indexOf(item)
    const to = from + step
    if (to < 0 || to >= routine.length) return
    routine.splice(from, 1)
    routine.splice(to, 0, item)
    const entry = entryOf(item)
    const other = list.children[to]
    if (step < 0) list.insertBefore(entry, other)
    else list.insertBefore(entry, other.nextSibling)
    pressed.focus() // moving an element in the page takes the keyboard focus off it
    say(exercises.get(item.slug).title + " is now number " + (to + 1) + " of "
      + routine.length + ".")
    changed()
  }

  function removeItem(item, fromList) {
    const index = routine.indexOf(item)
    routine.splice(index, 1)
    entryOf(item).remove()
    const pick = picks.find(function (p) { return p.value === item.slug })
    if (pick) pick.checked = false
    say(exercises.get(item.slug).title + " was removed from your routine.")
    changed()
    if (!fromList) return
    // Keep the keyboard in the list: on the next exercise's Remove button, or the empty note.
    const next = list.children[Math.min(index, list.children.length - 1)]
    if (next) next.querySelector(".gm-routine-item-buttons button:last-child").focus()
    else empty.focus()
  }

  function add(slug) {
    if (routine.some(function (item) { return item.slug === slug })) return
    const item = { slug: slug, version: "" }
    routine.push(item)
    list.append(itemElement(item))
    say(exercises.get(slug).title + " was added to your routine, as number "
      + routine.length + ".")
    changed()
  }

  function changed() {
    tidy()
    writeAddress()
    if (isRemembered()) save()
  }

  function say(message) {
    status.textContent = message
  }

  function showNotice(messages, restore) {
    notice.replaceChildren()
    for (const message of messages) notice.append(element("p", "", message))
    if (restore) {
      const again = element("button", "md-button", "Go back to the routine remembered before")
      again.type = "button"
      again.addEventListener("click", function () {
        routine = restore
        showRoutine()
        changed()
        notice.hidden = true
        say("The routine remembered on this device is back.")
        if (list.hidden) empty.focus()
        else list.querySelector("a").focus()
      })
      const line = element("p")
      line.append(again)
      notice.append(line)
    }
    notice.hidden = messages.length === 0
  }

  // The address -----------------------------------------------------------------------------

  function writeAddress() {
    const hash = "#r2=" + serialise(routine)
    writtenHash = hash
    if (location.hash !== hash) {
      try {
        history.replaceState(history.state, "", hash)
      } catch (error) {
        location.replace(hash) // some browsers refuse replaceState for pages opened from disk
      }
    }
    keepForSession()
    addressText.textContent = shareAddress()
    fillPrintout()
  }

  function shareAddress() {
    // From disk, the address is a file on this device: share the website's instead.
    if (location.protocol === "file:" && data.page) return data.page + location.hash
    return location.href
  }

  // Remembering on this device (off unless the reader turns it on) ---------------------------

  function localStore() {
    try {
      return window.localStorage
    } catch (error) {
      return null // storage is blocked in this browser
    }
  }

  function sessionStore() {
    try {
      return window.sessionStorage
    } catch (error) {
      return null
    }
  }

  function keepForSession() {
    try {
      if (session) session.setItem(SESSION_KEY, "r2=" + serialise(routine))
    } catch (error) {
      // not kept: "Add to my routine" then starts from the remembered routine, if any
    }
  }

  function remembered() {
    try {
      return store ? store.getItem(STORAGE_KEY) : null
    } catch (error) {
      return null
    }
  }

  function isRemembered() {
    return remember.checked
  }

  function save() {
    try {
      store.setItem(STORAGE_KEY, "r2=" + serialise(routine))
      return true
    } catch (error) {
      remember.checked = false
      forgetButton.hidden = true
      say("This browser would not keep your routine. Bookmark this page instead: "
        + "its address holds your routine.")
      return false
    }
  }

  function forget() {
    try {
      if (store) store.removeItem(STORAGE_KEY)
    } catch (error) {
      // nothing was kept
    }
    remember.checked = false
    forgetButton.hidden = true
    say("Forgotten. This device no longer keeps your routine. "
      + "It stays on this page until you close it.")
  }

  // Kept with its format's key since format 2 ("r2=bridge"); before that, the list alone.
  function parseKept(kept) {
    return parse(/^r[0-9]*=/.test(kept) ? kept : "r=" + kept)
  }

  // Start -----------------------------------------------------------------------------------

  function open(hash) {
    const link = parse(hash)
    const kept = remembered()
    const messages = link.problems.slice()
    let restore = null
    if (link.tooNew) {
      messages.unshift("This routine link comes from a newer version of this site, so this "
        + "copy cannot open it. Open the link on the website, or get a newer offline copy.")
    }
    if (link.found) {
      routine = link.items
      const added = routine.find(function (item) { return item.slug === link.added })
      if (added) {
        const count = routine.length + (routine.length === 1 ? " exercise" : " exercises")
        messages.unshift("Added: " + exercises.get(added.slug).title + ". Your routine has "
          + count + ".")
      }
      if (kept !== null) {
        const before = parseKept(kept).items
        const mine = serialise(routine).split(",")
        if (before.length && !serialise(before).split(",").every(function (t) {
          return mine.includes(t)
        })) {
          restore = before
          messages.push("This link's routine is shown, and is now the one remembered on "
            + "this device.")
        }
      }
    } else if (kept !== null) {
      const before = parseKept(kept)
      routine = before.items
      messages.push.apply(messages, before.problems)
    } else {
      routine = []
    }
    showRoutine()
    showNotice(messages, restore)
    writeAddress()
    if (kept !== null) save()
  }

  const kept = remembered()
  remember.checked = kept !== null
  forgetButton.hidden = kept === null
  if (!store) {
    remember.disabled = true
    rememberNote.textContent = "This browser cannot keep your routine. Bookmark this page "
      + "instead: its address holds your routine."
  }

  remember.addEventListener("change", function () {
    if (remember.checked) {
      if (save()) {
        forgetButton.hidden = false
        say("Your routine will be remembered on this device.")
      }
    } else {
      forget()
    }
  })
  forgetButton.addEventListener("click", function () {
    forget()
    remember.focus()
  })
  for (const pick of picks) {
    pick.addEventListener("change", function () {
      if (pick.checked) {
        add(pick.value)
      } else {
        const item = routine.find(function (i) { return i.slug === pick.value })
        if (item) removeItem(item, false)
      }
    })
  }
  find("print").addEventListener("click", function () { window.print() })
  window.addEventListener("beforeprint", fillPrintout) // today's date, whenever it prints
  window.addEventListener("hashchange", function () {
    if (location.hash !== writtenHash) open(location.hash)
  })

  open(location.hash)
  root.hidden = false
  document.querySelector("[data-gm-routine-nojs]").hidden = true
})()
