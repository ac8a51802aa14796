// "Find where to start" (start.html): the reader answers a few questions, and this shows
// which exercises and versions suit them, which to leave out and why, and who should check
// first. What suits each set of answers is worked out at build time from the content
// (src/gentle_movements/pages/finder.py) and embedded in the page as JSON: this script only
// looks the answers up and shows them, with the content's own words. Nothing is stored or
// sent anywhere, and it works from disk. Without JavaScript the page lists every exercise.
(function () {
  "use strict"

  const root = document.getElementById("gm-finder")
  const dataBlock = document.getElementById("gm-finder-data")
  if (!root || !dataBlock) return

  const data = JSON.parse(dataBlock.textContent)
  const words = data.words
  const more = root.querySelector("[data-gm-finder-more]")
  const results = root.querySelector("[data-gm-finder-results]")
  const status = root.querySelector("[data-gm-finder-status]")
  const showButton = root.querySelector("[data-gm-finder-show]")
  const plainList = document.querySelector("[data-gm-finder-nojs]")
  let shown = false // whether the reader has asked to see the results

  root.hidden = false
  if (plainList) plainList.hidden = true

  // Answers ------------------------------------------------------------------------------

  function answer(name) {
    const checked = root.querySelector('input[name="gm-finder-' + name + '"]:checked')
    return checked ? checked.value : null
  }

  function firstUnanswered() {
    return data.questions.find(function (name) { return answer(name) === null })
  }

  // Each yes is a bit, in the order of data.questions: the number of the answers' row.
  function number() {
    return data.questions.reduce(function (n, name) {
      return n * 2 + (answer(name) === "yes" ? 1 : 0)
    }, 0)
  }

  // Showing them -------------------------------------------------------------------------

  function element(tag, text, className) {
    const made = document.createElement(tag)
    if (text) made.textContent = text
    if (className) made.className = className
    return made
  }

  function link(text, href, className) {
    const made = element("a", text, className)
    made.href = href
    return made
  }

  // The content's words: runs of text, and links as [words, address] (finder.linked_text).
  function linkedText(tag, runs) {
    const made = element(tag)
    runs.forEach(function (run) {
      made.append(typeof run === "string" ? run : link(run[0], run[1]))
    })
    return made
  }

  function count(pair, n) {
    return (n === 1 ? pair[0] : pair[1]).replace("{n}", String(n))
  }

  function heading(text) {
    const made = element("h2", text)
    made.tabIndex = -1
    return made
  }

  function clear() {
    while (results.firstChild) results.removeChild(results.firstChild)
  }

  function showGetHelp() {
    clear()
    results.append(heading(words.heading), element("p", words.get_help, "gm-finder-get-help"),
                   element("p", words.not_yet))
  }

  // The row of the answers: each exercise's outcome, as suggested or left out, in order.
  function starter() {
    const row = data.table[number()]
    const found = {suggested: [], leftOut: [], conditions: row.conditions}
    row.outcomes.forEach(function (index, at) {
      const exercise = data.exercises[at]
      const outcome = exercise.outcomes[index]
      if (outcome.out) {
        found.leftOut.push({exercise: exercise, directions: outcome.out})
      } else {
        const version = outcome.version === null ? exercise.own
          : exercise.versions[outcome.version]
        found.suggested.push({exercise: exercise, version: version, checks: outcome.checks})
      }
    })
    return found
  }

  function showStarter() {
    const found = starter()
    clear()
    const title = heading(words.heading)
    const summary = [count(words.to_start, found.suggested.length)]
    const checked = found.suggested.filter(function (item) { return item.checks.length })
    if (checked.length) summary.push(count(words.to_check, checked.length))
    if (found.leftOut.length) summary.push(count(words.leave_out, found.leftOut.length))
    results.append(title, element("p", summary.join(" "), "gm-finder-summary"))

    if (found.conditions.length) {
      results.append(element("h3", words.meaning))
      found.conditions.forEach(function (id) {
        const condition = data.conditions[id]
        const block = element("div", null, "gm-finder-condition")
        block.append(element("h4", condition.name), linkedText("p", condition.means))
        condition.more.forEach(function (more) {
          const line = element("p")
          line.append(link(more[0], more[1]))
          block.append(line)
        })
        results.append(block)
      })
    }

    results.append(element("h3", words.suggested))
    const list = element("ul", null, "gm-finder-suggested")
    found.suggested.forEach(function (item) {
      const exercise = item.exercise
      const version = item.version
      const li = element("li", null, "gm-finder-item")
      li.dataset.gmFinderToken = version.token
      const name = element("p", null, "gm-finder-name")
      name.append(link(exercise.title + ": " + version.name, version.address))
      li.append(name)
      if (version.summary) li.append(element("p", version.summary))
      if (version.floor) {
        const help = element("p")
        const parts = words.floor_help.split("{link}")
        help.append(parts[0], link(data.floorLink, data.floorPage), parts[1])
        li.append(help)
      }
      if (item.checks.length) {
        const box = element("div", null, "admonition note gm-finder-check")
        box.append(element("p", words.check_first, "admonition-title"))
        const checks = element("ul")
        item.checks.forEach(function (index) {
          const check = exercise.checks[index]
          const entry = element("li")
          entry.append(element("strong", check.who), " " + check.advice)
          checks.append(entry)
        })
        box.append(checks)
        li.append(box)
      }
      list.append(li)
    })
    results.append(list)

    const tokens = found.suggested.map(function (item) { return item.version.token })
    if (tokens.length) {
      const open = element("p")
      open.append(link(words.routine, data.routine + "#r2=" + tokens.join(","),
                       "md-button md-button--primary gm-finder-routine"))
      results.append(open)
    }

    if (found.leftOut.length) {
      results.append(element("h3", words.left_out))
      const out = element("ul", null, "gm-finder-left-out")
      found.leftOut.forEach(function (item) {
        const exercise = item.exercise
        const li = element("li", null, "gm-finder-item")
        const name = element("p", null, "gm-finder-name")
        name.append(link(exercise.title, exercise.address))
        li.append(name)
        item.directions.forEach(function (direction) {
          li.append(element("p", words.left_out_because.replace(
            "{direction}", data.directions[direction])))
        })
        out.append(li)
      })
      results.append(out)
    }

    const stop = element("p")
    stop.append(words.stop + " ", link(words.stop_link, data.safety + "#stop-rules"))
    results.append(stop)
  }

  function update() {
    const warning = answer("warning-signs")
    more.hidden = warning !== "no"
    status.textContent = ""
    if (warning === "yes") {
      showGetHelp()
    } else if (warning === "no" && shown && !firstUnanswered()) {
      showStarter()
    } else {
      clear()
    }
  }

  root.addEventListener("change", function (event) {
    if (event.target.matches('input[name="gm-finder-warning-signs"]')) shown = false
    update() // no focus moved: arrow keys change a radio button as they go
  })

  showButton.addEventListener("click", function () {
    const missing = firstUnanswered()
    if (missing) {
      status.textContent = words.answer_all + " " + data.legends[missing]
      root.querySelector('input[name="gm-finder-' + missing + '"]').focus()
      return
    }
    shown = true
    update()
    results.querySelector("h2").focus()
  })

  update()
})()
