// Loaded into the textual-serve page before its own script: records what the
// page's terminal receives (the editor's output, base64), every size it asks
// for, and what else it sends (keys, focus), in order, in window.__soptuiWire,
// so the test can replay them into a terminal emulator and read the screen
// the user sees (xterm.js draws on a canvas, which has no text to read).
(() => {
  "use strict";
  const wire = (window.__soptuiWire = []);
  const Native = window.WebSocket;
  function Recorded(url, protocols) {
    const socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
    const query = new URL(url, location.href).searchParams;
    if (query.has("width")) {
      wire.push({ resize: [Number(query.get("width")), Number(query.get("height"))] });
    }
    socket.addEventListener("message", (event) => {
      if (typeof event.data === "string") {
        return;
      }
      const bytes = new Uint8Array(event.data);
      let text = "";
      for (let i = 0; i < bytes.length; i += 0x8000) {
        text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
      }
      wire.push({ data: btoa(text) });
    });
    const send = socket.send.bind(socket);
    socket.send = (message) => {
      try {
        const envelope = JSON.parse(message);
        if (envelope[0] === "resize") {
          wire.push({ resize: [envelope[1].width, envelope[1].height] });
        } else if (envelope[0] !== "ping") {
          wire.push({ sent: envelope });
        }
      } catch (error) {
        // not JSON: nothing to record
      }
      return send(message);
    };
    return socket;
  }
  Recorded.prototype = Native.prototype;
  Object.assign(Recorded, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
  window.WebSocket = Recorded;
})();
