// Runs a Web Worker's script inside this frame, for pages opened from disk: see
// iframe-worker.js. The worker talks to its page with postMessage and "message" events,
// as it would in a real worker.
(function () {
  "use strict"
  var scriptAddress = decodeURIComponent(location.hash.slice(1))

  function load(address) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script")
      script.src = address
      script.onload = resolve
      script.onerror = reject
      document.head.appendChild(script)
    })
  }

  // What the worker's script expects to find in a worker's global scope. A worker has no
  // `parent`; the page is another origin (every file:// page is), and the search worker's
  // `"..." in parent` would throw, so the replaceable `parent` is set to a plain object.
  var page = window.parent
  window.parent = {}
  window.postMessage = function (data) { page.postMessage(data, "*") }
  window.importScripts = function () {
    return Array.prototype.reduce.call(arguments, function (done, address) {
      return done.then(function () { return load(new URL(address, scriptAddress).href) })
    }, Promise.resolve())
  }

  load(scriptAddress).then(function () { page.postMessage({ iframeWorkerReady: true }, "*") })
})()
