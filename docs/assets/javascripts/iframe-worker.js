// Offline search from disk. Browsers do not run Web Workers for pages opened from file://,
// so, there only, this stands in for `Worker`: it runs the worker's script in a hidden frame,
// iframe-worker-frame.html, and passes messages both ways. The frame loads the script with
// <script src>, which the Content-Security-Policy allows; shims that write an inline script
// into a blank frame are blocked by it. (The name tells Material's offline plugin that a
// shim is present, so it does not add one from a CDN.)
(function () {
  "use strict"
  if (location.protocol !== "file:") return

  var frameAddress = document.currentScript.src.replace(/[^/]*$/, "iframe-worker-frame.html")

  function FrameWorker(scriptAddress) {
    var worker = this
    var target = new EventTarget()
    var queue = []
    var ready = false
    var frame = document.createElement("iframe")
    frame.hidden = true
    frame.title = "Search"
    frame.src = frameAddress + "#" + encodeURIComponent(new URL(scriptAddress, location.href).href)
    this.onmessage = null
    this.onerror = null
    this.addEventListener = target.addEventListener.bind(target)
    this.removeEventListener = target.removeEventListener.bind(target)

    window.addEventListener("message", function (event) {
      if (event.source !== frame.contentWindow) return
      if (event.data && event.data.iframeWorkerReady) {
        ready = true
        queue.forEach(function (data) { frame.contentWindow.postMessage(data, "*") })
        queue = []
        return
      }
      var message = new MessageEvent("message", { data: event.data })
      target.dispatchEvent(message)
      if (typeof worker.onmessage === "function") worker.onmessage(message)
    })
    this.postMessage = function (data) {
      if (ready) frame.contentWindow.postMessage(data, "*")
      else queue.push(data)
    }
    this.terminate = function () { frame.remove() }
    document.body.appendChild(frame)
  }

  window.Worker = FrameWorker
})()
