// "Copy link" on exercise pages. Without JavaScript the button stays hidden and the address
// is still shown as text, so nothing is lost.
(function () {
  "use strict"

  function copyBySelection(element) {
    // The Clipboard API needs a secure context; pages opened from disk (file://) fall back here.
    const range = document.createRange()
    range.selectNodeContents(element)
    const selection = window.getSelection()
    selection.removeAllRanges()
    selection.addRange(range)
    const copied = document.execCommand("copy")
    return copied
  }

  function announce(button, message) {
    let status = button.parentElement.querySelector("[data-gm-copy-status]")
    if (!status) {
      status = document.createElement("span")
      status.className = "gm-copy-status"
      status.setAttribute("role", "status")
      status.setAttribute("data-gm-copy-status", "")
      button.after(status)
    }
    status.textContent = message
  }

  document.querySelectorAll("[data-gm-copy]").forEach(function (button) {
    const address = button.parentElement.querySelector("[data-gm-address]")
    if (!address) return
    button.hidden = false
    button.addEventListener("click", function () {
      const text = address.textContent.trim()
      const fallback = function () {
        announce(button, copyBySelection(address)
          ? "Link copied."
          : "Select the address and copy it.")
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text)
          .then(function () { announce(button, "Link copied.") }, fallback)
      } else {
        fallback()
      }
    })
  })
})()
