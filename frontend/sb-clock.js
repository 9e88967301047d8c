// <sb-clock from="epochMillis"> counts up (talk time, time in status);
// <sb-clock until="epochMillis"> counts down (offer, wrap-up). Ticks in the browser: no server round trips.
class SbClock extends HTMLElement {
  static get observedAttributes() { return ['from', 'until']; }
  connectedCallback() {
    this.render();
    this.timer = setInterval(() => this.render(), 500);
  }
  disconnectedCallback() { clearInterval(this.timer); }
  attributeChangedCallback() { this.render(); }
  render() {
    const now = Date.now();
    const until = Number(this.getAttribute('until'));
    const from = Number(this.getAttribute('from'));
    let seconds;
    if (until) {
      seconds = Math.max(0, Math.ceil((until - now) / 1000));
    } else if (from) {
      seconds = Math.max(0, Math.floor((now - from) / 1000));
    } else {
      this.textContent = '';
      return;
    }
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    const text = (h > 0 ? h + ':' + String(m).padStart(2, '0') : m) + ':' + String(s).padStart(2, '0');
    if (this.textContent !== text) {
      this.textContent = text;
    }
  }
}
customElements.define('sb-clock', SbClock);

// A new offer while the tab is in the background: a browser notification (if allowed) and a short tone.
window.sbAnnounceOffer = function (title, body) {
  if (!document.hidden) {
    return;
  }
  if ('Notification' in window && Notification.permission === 'granted') {
    const notification = new Notification(title, { body: body, tag: 'switchboard-offer' });
    notification.onclick = () => { window.focus(); notification.close(); };
  }
  window.sbTone(880, [0, 0.25]);
};

// Short beeps at the given offsets (seconds); silently nothing without an audio device.
window.sbTone = function (frequency, starts) {
  try {
    const audio = new (window.AudioContext || window.webkitAudioContext)();
    starts.forEach(start => {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.15, audio.currentTime + start);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + start + 0.2);
      tone.connect(gain).connect(audio.destination);
      tone.start(audio.currentTime + start);
      tone.stop(audio.currentTime + start + 0.2);
    });
  } catch (e) {
    // No audio device.
  }
};

// The message tones a user picks in Chat notifications (MessageTone.Sound): notes as
// [frequency Hz, start s, length s], played at volume 0-100. Synthesized: no audio files to serve.
const SB_MESSAGE_TONES = {
  CHIME: [[660, 0, 0.25]],
  BELL: [[880, 0, 0.7], [1760, 0, 0.35]],
  TWO_NOTES: [[523, 0, 0.15], [784, 0.16, 0.22]],
  SOFT: [[392, 0, 0.12], [392, 0.18, 0.12]]
};

window.sbMessageTone = function (sound, volume) {
  const notes = SB_MESSAGE_TONES[sound] || SB_MESSAGE_TONES.CHIME;
  const peak = 0.4 * Math.max(0, Math.min(100, Number(volume))) / 100;
  if (peak === 0) {
    return;
  }
  try {
    const audio = new (window.AudioContext || window.webkitAudioContext)();
    notes.forEach(([frequency, start, length]) => {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(peak, audio.currentTime + start);
      gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + start + length);
      tone.connect(gain).connect(audio.destination);
      tone.start(audio.currentTime + start);
      tone.stop(audio.currentTime + start + length);
    });
    window.sbLastMessageTone = { sound: sound, volume: Number(volume) };
  } catch (e) {
    // No audio device.
  }
};

window.sbAskNotificationPermission = function () {
  if ('Notification' in window && Notification.permission === 'default') {
    return Notification.requestPermission();
  }
  return Promise.resolve('Notification' in window ? Notification.permission : 'denied');
};
