// Search loads when the reader starts to search, not with every page: Material's bundle asks
// for the search index and starts the search Worker as a page opens (about 36 KB gzipped).
// Loaded before the bundle, this holds both back until the search box takes the focus or opens
// (click, tap or keyboard shortcut); with ?h= or ?q= in the address they load at once. Material
// has no setting for it, so the index's XMLHttpRequest waits, and the Worker is made for real
// at its first message. Tested in tests/browser/test_browser.py.
(function () {
  "use strict"

  var INDEX = /\/search\/search_index\.json$/
  var WORKER = /\/workers\/search\.[^/]*\.js$/
  var started = /[?&][qh]=/.test(location.search)
  var waiting = []

  function start() {
    if (started) return
    started = true
    waiting.splice(0).forEach(function (run) { run() })
  }

  function whenStarted(run) {
    if (started) run()
    else waiting.push(run)
  }

  function path(address) {
    try {
      return new URL(address, document.baseURI).pathname
    } catch (error) {
      return ""
    }
  }

  // The reader starts to search: the search box takes the focus (click, tap, or Material's
  // keyboard shortcuts), or the header's search button opens it on a phone.
  document.addEventListener("focusin", function (event) {
    if (event.target instanceof Element && event.target.closest(".md-search")) start()
  })
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) start()
  })

  // The index: sent when the search starts, not when the bundle asks.
  var held = new WeakSet()
  var open = XMLHttpRequest.prototype.open
  var send = XMLHttpRequest.prototype.send
  XMLHttpRequest.prototype.open = function (method, address) {
    if (INDEX.test(path(address))) held.add(this)
    else held.delete(this)
    return open.apply(this, arguments)
  }
  XMLHttpRequest.prototype.send = function () {
    var request = this
    var args = arguments
    if (!held.has(request)) return send.apply(request, args)
    whenStarted(function () { send.apply(request, args) })
  }

  // Whole words first: Material's search matches every word typed as the start of a word,
  // so "numb" found "number" as readily as "numbness". Each plain word is asked for as
  // itself (stemmed, see mkdocs.yml: numbness is "numb") and as the start of a word, so a
  // word still being typed finds something. The whole word is boosted as much as Material
  // boosts titles, or a title's "number" would still come first. A query with search syntax
  // (quotes, +, -, *, ~, ^, :) goes as the reader typed it.
  var QUERY = 2 // Material's search message type for a query
  function wholeWordsFirst(query) {
    if (/["+\-*~^:]/.test(query)) return query
    return query.trim().split(/\s+/).filter(Boolean).map(function (word) {
      return word + "^1000 " + word
    }).join(" ")
  }

  // The Worker: made for real at its first message, the index, which comes after the start.
  var RealWorker = window.Worker
  if (typeof RealWorker !== "function") return

  class OnDemandWorker extends EventTarget {
    constructor(address, options) {
      super()
      this.onmessage = null
      this.onerror = null
      this.address = address
      this.options = options
      this.worker = null
      this.ended = false
    }

    postMessage(data, transfer) {
      if (this.ended) return
      if (!this.worker) this.begin()
      if (data && data.type === QUERY && typeof data.data === "string") {
        data = { type: QUERY, data: wholeWordsFirst(data.data) }
      }
      if (transfer === undefined) this.worker.postMessage(data)
      else this.worker.postMessage(data, transfer)
    }

    terminate() {
      this.ended = true
      if (this.worker) this.worker.terminate()
    }

    begin() {
      var self = this
      this.worker = new RealWorker(this.address, this.options)
      this.worker.addEventListener("message", function (event) {
        self.relay(new MessageEvent("message", { data: event.data }))
      })
      this.worker.addEventListener("error", function (event) {
        self.relay(new ErrorEvent("error", { message: event.message, filename: event.filename,
                                              lineno: event.lineno, colno: event.colno }))
      })
    }

    relay(event) {
      this.dispatchEvent(event)
      var handler = this["on" + event.type]
      if (typeof handler === "function") handler.call(this, event)
    }
  }

  try {
    new OnDemandWorker("") // browsers before 2020 cannot extend EventTarget: keep their Worker
  } catch (error) {
    return
  }
  window.Worker = function Worker(address, options) {
    if (!WORKER.test(path(address))) return new RealWorker(address, options)
    return new OnDemandWorker(address, options)
  }
  window.Worker.prototype = RealWorker.prototype
})()
