// Calls with audio: <sb-caller-line> on the public caller page, <sb-softphone> on the agent's dashboard
// and <sb-listener> for a supervisor's Listen and Whisper in the drill-down.
// The media goes browser to browser over WebRTC; every signal (offer, answer, ICE candidates, hold)
// goes through the app: out with this.$server.signal(kind, payload), in through signal(kind, payload),
// which the server calls. The agent's softphone offers (again after a reload), the caller answers; in a
// call between users the caller's softphone offers, and either side answers a new offer. A supervisor's
// connection is a second one from the agent's tab, which offers it the agent's mix of both sides.
//
// What each side hears runs through one WebAudio graph: the other party's track, hold music and
// recordings meet in a "speaker" node, which an analyser taps for the level meter. What each side
// sends is its microphone through a gain (mute, hold) plus, on the agent's side, recordings mixed in.

const MIC_KEY = 'switchboard.voice.microphone';
const SPEAKER_KEY = 'switchboard.voice.speaker';

// Every text comes from the server in the page's language (the element's texts property): none is written here.
function microphoneProblem(texts, error) {
  if (error && (error.name === 'NotAllowedError' || error.name === 'SecurityError')) {
    return texts.microphoneDenied;
  }
  if (error && (error.name === 'NotFoundError' || error.name === 'OverconstrainedError')) {
    return texts.microphoneMissing;
  }
  return texts.microphoneFailed.replace('{0}', error && error.name ? error.name : '?');
}

class SbVoiceLine extends HTMLElement {
  connectedCallback() {
    if (this.built) {
      return;
    }
    this.built = true;
    this.chain = Promise.resolve();
    this.meter = document.createElement('meter');
    this.meter.min = 0;
    this.meter.max = 1;
    this.meter.value = 0;
    // Shown only while a line has audio: an idle softphone shows nothing.
    this.meter.hidden = true;
    this.meter.setAttribute('aria-label', this.texts.level);
    this.appendChild(this.meter);
  }

  /** The texts in the page's language, set by the server before the element is shown. */
  set texts(texts) {
    this.said = texts;
    if (this.meter) {
      this.meter.setAttribute('aria-label', texts.level);
    }
  }

  get texts() {
    return this.said || {};
  }

  disconnectedCallback() {
    this.close();
  }

  /** Set by the server (switchboard.voice.*), as JSON: the RTCIceServers and whether the microphone is processed. */
  configure(settingsJson) {
    const settings = JSON.parse(settingsJson);
    // A STUN server has no credentials: its null fields are left out.
    this.iceServers = settings.iceServers
      .map(server => Object.fromEntries(Object.entries(server).filter(([, value]) => value !== null)));
    this.audioProcessing = settings.audioProcessing;
  }

  /** Asks for the microphone once (one request at a time); '' when it is open, else the message to show. */
  openMicrophone() {
    if (!this.opening) {
      this.opening = this.askForMicrophone().then(problem => {
        if (problem) {
          // Refused or missing: the next call asks again.
          this.opening = null;
        }
        return problem;
      });
    }
    return this.opening;
  }

  async askForMicrophone() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || !window.RTCPeerConnection) {
      return this.texts.browserCannotCall;
    }
    const chosen = localStorage.getItem(MIC_KEY);
    try {
      const processing = this.audioProcessing !== false;
      const audio = { echoCancellation: processing, noiseSuppression: processing, autoGainControl: processing };
      if (chosen) {
        audio.deviceId = { exact: chosen };
      }
      this.microphone = await navigator.mediaDevices.getUserMedia({ audio: audio });
    } catch (e) {
      if (chosen && e.name === 'OverconstrainedError') {
        // The chosen microphone is gone: take the default one.
        localStorage.removeItem(MIC_KEY);
        return this.askForMicrophone();
      }
      return microphoneProblem(this.texts, e);
    }
    this.graph();
    return '';
  }

  graph() {
    if (this.audio) {
      return;
    }
    const audio = new AudioContext();
    this.audio = audio;
    const speaker = localStorage.getItem(SPEAKER_KEY);
    if (speaker && audio.setSinkId) {
      audio.setSinkId(speaker).catch(() => localStorage.removeItem(SPEAKER_KEY));
    }
    this.speaker = audio.createGain();
    this.speaker.connect(audio.destination);
    this.analyser = audio.createAnalyser();
    this.analyser.fftSize = 4096;
    // No smoothing over time: a sound that stopped is gone from the spectrum at once.
    this.analyser.smoothingTimeConstant = 0;
    this.speaker.connect(this.analyser);
    this.remoteGain = audio.createGain();
    this.remoteGain.connect(this.speaker);
    this.outgoing = audio.createMediaStreamDestination();
    // What this side says: the microphone (through its gain, for mute and hold) and the recordings played into the call.
    this.sending = audio.createGain();
    this.sending.connect(this.outgoing);
    this.micGain = audio.createGain();
    if (this.microphone) {
      audio.createMediaStreamSource(this.microphone).connect(this.micGain);
    }
    this.micGain.connect(this.sending);
    this.levels = setInterval(() => this.showLevel(), 200);
    this.meter.hidden = false;
    if (audio.state === 'suspended') {
      audio.resume();
    }
  }

  showLevel() {
    const samples = new Float32Array(this.analyser.fftSize);
    this.analyser.getFloatTimeDomainData(samples);
    let peak = 0;
    for (const s of samples) {
      peak = Math.max(peak, Math.abs(s));
    }
    this.meter.value = Math.min(1, peak * 2);
  }

  /** A signal of the other party, applied in order (an answer before the candidates that follow it). */
  signal(kind, payload) {
    this.chain = this.chain.then(() => this.apply(kind, payload)).catch(e => console.warn('Signal ' + kind + ' failed', e));
  }

  async apply(kind, payload) {
    switch (kind) {
      case 'OFFER': return this.answer(payload);
      case 'ANSWER': return this.pc && this.pc.setRemoteDescription({ type: 'answer', sdp: payload });
      case 'CANDIDATE':
        // A candidate of a connection replaced since (a reload) no longer fits: ignored.
        return this.pc && this.pc.addIceCandidate({ candidate: payload, sdpMLineIndex: 0 }).catch(() => {});
      case 'HELD': return this.heldByAgent(true);
      case 'RESUMED': return this.heldByAgent(false);
    }
  }

  /** A new peer connection sending our outgoing audio; the previous one, if any, is closed. */
  connection() {
    this.hangUpMedia();
    const pc = new RTCPeerConnection({ iceServers: this.iceServers });
    this.pc = pc;
    pc.onicecandidate = e => {
      if (e.candidate && e.candidate.candidate && this.pc === pc) {
        this.send('CANDIDATE', e.candidate.candidate);
      }
    };
    pc.ontrack = e => this.hear(e.streams[0] || new MediaStream([e.track]));
    // A supervisor who only listens sends nothing.
    if (this.microphone) {
      pc.addTrack(this.outgoing.stream.getAudioTracks()[0], this.outgoing.stream);
    }
    return pc;
  }

  send(kind, payload) {
    this.$server.signal(kind, payload);
  }

  /** What a line needs before it answers an offer: its microphone. '' or the problem. */
  ready() {
    return this.openMicrophone();
  }

  hear(stream) {
    // A remote WebRTC track reaches WebAudio only while a media element plays it; muted, it adds no sound of its own.
    if (!this.sink) {
      this.sink = new Audio();
      this.sink.muted = true;
    }
    this.sink.srcObject = stream;
    this.sink.play().catch(() => {});
    if (this.remoteSource) {
      this.remoteSource.disconnect();
    }
    this.remoteSource = this.audio.createMediaStreamSource(stream);
    this.remoteSource.connect(this.remoteGain);
  }

  async answer(sdp) {
    // A new offer is a fresh line (the first, or after the other side's reload): not on hold.
    this.heldByAgent(false);
    const problem = await this.ready();
    if (problem) {
      return;
    }
    const pc = this.connection();
    await pc.setRemoteDescription({ type: 'offer', sdp: sdp });
    const answer = await pc.createAnswer();
    await pc.setLocalDescription(answer);
    this.send('ANSWER', pc.localDescription.sdp);
  }

  /** The other side put this one on hold (or took it off): its voice gives way to the hold music. */
  heldByAgent(held) {
    this.holdMusic(held);
    if (this.remoteGain) {
      this.remoteGain.gain.value = held ? 0 : 1;
    }
  }

  /** Hold music on or off; the URL of the queue's library entry (attribute hold-music), or the built-in tone. */
  holdMusic(on) {
    if (!this.audio) {
      return;
    }
    if (on && !this.music) {
      const url = this.getAttribute('hold-music');
      if (url) {
        const element = new Audio(url);
        element.loop = true;
        const source = this.audio.createMediaElementSource(element);
        source.connect(this.speaker);
        element.play().catch(() => {});
        this.music = { stop: () => { element.pause(); source.disconnect(); } };
      } else {
        this.music = builtInHoldTone(this.audio, this.speaker);
      }
    } else if (!on && this.music) {
      this.music.stop();
      this.music = null;
    }
    this.toggleAttribute('on-hold', on);
  }

  /** Bytes of audio received so far on the current connection (0 without one). */
  async inboundBytes() {
    if (!this.pc) {
      return 0;
    }
    let bytes = 0;
    (await this.pc.getStats()).forEach(report => {
      if (report.type === 'inbound-rtp' && report.kind === 'audio') {
        bytes += report.bytesReceived;
      }
    });
    return bytes;
  }

  hangUpMedia() {
    if (this.pc) {
      this.pc.close();
      this.pc = null;
    }
    if (this.remoteSource) {
      this.remoteSource.disconnect();
      this.remoteSource = null;
    }
  }

  close() {
    this.holdMusic(false);
    this.hangUpMedia();
    clearInterval(this.levels);
    if (this.meter) {
      this.meter.hidden = true;
      this.meter.value = 0;
    }
    if (this.microphone) {
      this.microphone.getTracks().forEach(track => track.stop());
      this.microphone = null;
    }
    this.opening = null;
    if (this.audio) {
      this.audio.close();
      this.audio = null;
    }
  }
}

/** Hold music without a library entry: a soft C major chord that swells and fades every four seconds. */
function builtInHoldTone(audio, into) {
  const swell = audio.createGain();
  swell.gain.value = 0.05;
  const lfo = audio.createOscillator();
  lfo.frequency.value = 0.25;
  const depth = audio.createGain();
  depth.gain.value = 0.03;
  lfo.connect(depth).connect(swell.gain);
  const notes = [523.25, 659.25, 783.99].map(frequency => {
    const note = audio.createOscillator();
    note.frequency.value = frequency;
    note.connect(swell);
    return note;
  });
  swell.connect(into);
  [lfo, ...notes].forEach(o => o.start());
  return { stop: () => [lfo, ...notes].forEach(o => o.stop()) };
}

/** The caller page's line: hold music while waiting and while held, the agent's voice when connected. */
class SbCallerLine extends SbVoiceLine {
}
customElements.define('sb-caller-line', SbCallerLine);

/** The agent's softphone: rings for an offer, offers the media once the call is accepted, mute and hold. */
class SbSoftphone extends SbVoiceLine {
  constructor() {
    super();
    // The supervisors listening, by id: each its connection, the mix it carries and its whisper's source.
    this.monitors = new Map();
  }

  /**
   * Starts the media of the accepted call: offers it (again after a reload: the other side answers the
   * new offer), or, as the callee of a colleague's call, opens the microphone and waits for the offer.
   */
  async start(offer) {
    this.ring(false);
    const problem = await this.openMicrophone();
    if (problem || !offer) {
      return problem;
    }
    const pc = this.connection();
    await pc.setLocalDescription(await pc.createOffer());
    this.send('OFFER', pc.localDescription.sdp);
    return '';
  }

  /** A supervisor's Listen or Whisper, applied in order with the call's signals: STARTED (listen or whisper), ANSWER, CANDIDATE, ENDED. */
  monitor(supervisorId, kind, payload) {
    this.chain = this.chain.then(() => this.applyMonitor(supervisorId, kind, payload))
      .catch(e => console.warn('Supervisor signal ' + kind + ' failed', e));
  }

  async applyMonitor(supervisorId, kind, payload) {
    const current = this.monitors.get(supervisorId);
    switch (kind) {
      case 'MONITOR_STARTED': return this.offerMonitor(supervisorId);
      case 'MONITOR_ANSWER': return current && current.pc.setRemoteDescription({ type: 'answer', sdp: payload });
      case 'MONITOR_CANDIDATE': return current && current.pc.addIceCandidate({ candidate: payload, sdpMLineIndex: 0 }).catch(() => {});
      case 'MONITOR_ENDED': return this.endMonitor(supervisorId);
    }
  }

  /**
   * The supervisor's connection carries a mix of what the agent hears from the other side and what the
   * agent sends (the voice and the recordings played into the call); what comes back (a whisper) plays on this speaker only, never into the call's outgoing
   * track or into the mix.
   */
  async offerMonitor(supervisorId) {
    this.endMonitor(supervisorId);
    if (!this.pc || !this.audio) {
      return;
    }
    const mix = this.audio.createMediaStreamDestination();
    this.remoteGain.connect(mix);
    this.sending.connect(mix);
    const pc = new RTCPeerConnection({ iceServers: this.iceServers });
    const monitor = { pc: pc, mix: mix, source: null };
    this.monitors.set(supervisorId, monitor);
    pc.onicecandidate = e => {
      if (e.candidate && e.candidate.candidate && this.monitors.get(supervisorId) === monitor) {
        this.$server.monitorSignal(supervisorId, 'MONITOR_CANDIDATE', e.candidate.candidate);
      }
    };
    // The supervisor's tab closed without a word: its connection fails, and goes.
    pc.onconnectionstatechange = () => {
      if (pc.connectionState === 'failed' && this.monitors.get(supervisorId) === monitor) {
        this.endMonitor(supervisorId);
      }
    };
    pc.ontrack = e => {
      const whisper = e.streams[0] || new MediaStream([e.track]);
      monitor.sink = new Audio();
      monitor.sink.muted = true;
      monitor.sink.srcObject = whisper;
      monitor.sink.play().catch(() => {});
      monitor.source = this.audio.createMediaStreamSource(whisper);
      monitor.source.connect(this.speaker);
    };
    pc.addTrack(mix.stream.getAudioTracks()[0], mix.stream);
    await pc.setLocalDescription(await pc.createOffer());
    this.$server.monitorSignal(supervisorId, 'MONITOR_OFFER', pc.localDescription.sdp);
  }

  endMonitor(supervisorId) {
    const monitor = this.monitors.get(supervisorId);
    if (!monitor) {
      return;
    }
    this.monitors.delete(supervisorId);
    monitor.pc.close();
    if (this.audio) {
      this.remoteGain.disconnect(monitor.mix);
      this.sending.disconnect(monitor.mix);
    }
    if (monitor.source) {
      monitor.source.disconnect();
    }
  }

  /** The agent's own sound: the microphone off (mute) or both directions off (hold). */
  setMuted(muted, held) {
    if (this.micGain) {
      this.micGain.gain.value = muted || held ? 0 : 1;
      this.remoteGain.gain.value = held ? 0 : 1;
    }
  }

  /**
   * "Play" into a web call: the recording's media element goes into the outgoing track, so the caller
   * hears it, and to the agent's speaker at a third of its level. False without a call here: the
   * element then plays in this browser only.
   */
  mixIn(element) {
    if (!this.pc || !this.audio) {
      return false;
    }
    const source = this.audio.createMediaElementSource(element);
    source.connect(this.sending);
    const monitor = this.audio.createGain();
    monitor.gain.value = 0.3;
    source.connect(monitor).connect(this.speaker);
    return true;
  }

  /** A ring pattern (two short tones every three seconds) while an offer waits. */
  ring(on) {
    clearInterval(this.ringing);
    this.ringing = null;
    if (on) {
      const once = () => window.sbTone && window.sbTone(660, [0, 0.4]);
      once();
      this.ringing = setInterval(once, 3000);
    }
  }

  /** The call is over here: media closed (the supervisors' connections too), microphone released. */
  stop() {
    this.ring(false);
    [...this.monitors.keys()].forEach(supervisorId => this.endMonitor(supervisorId));
    this.close();
  }
}
customElements.define('sb-softphone', SbSoftphone);

/**
 * A supervisor's Listen and Whisper: answers the agent's tab's offer and plays what it carries; for a
 * whisper it sends the microphone too. Its signals are the MONITOR_ kinds of the call's own.
 */
class SbListener extends SbVoiceLine {
  /** Ready to listen, or for a whisper to speak (the microphone); '' or the problem. */
  async begin(whisper) {
    this.close();
    if (whisper) {
      return this.openMicrophone();
    }
    this.graph();
    return '';
  }

  ready() {
    return Promise.resolve('');
  }

  apply(kind, payload) {
    return super.apply(kind.replace('MONITOR_', ''), payload);
  }

  send(kind, payload) {
    this.$server.signal('MONITOR_' + kind, payload);
  }

  stop() {
    this.close();
  }
}
customElements.define('sb-listener', SbListener);

// The gear's voice settings: the devices this browser has, and the choice kept in this browser.
window.sbVoiceDevices = async function () {
  if (!navigator.mediaDevices || !navigator.mediaDevices.enumerateDevices) {
    return JSON.stringify({ microphones: [], speakers: [], microphone: '', speaker: '' });
  }
  // Device names are shown only once the page may use the microphone.
  try {
    const probe = await navigator.mediaDevices.getUserMedia({ audio: true });
    probe.getTracks().forEach(track => track.stop());
  } catch (e) {
    // Without permission the list has no names; it is still a list.
  }
  const devices = await navigator.mediaDevices.enumerateDevices();
  const pick = kind => devices.filter(d => d.kind === kind).map((d, i) => ({ id: d.deviceId, label: d.label || kind + ' ' + (i + 1) }));
  return JSON.stringify({
    microphones: pick('audioinput'), speakers: pick('audiooutput'),
    microphone: localStorage.getItem(MIC_KEY) || '', speaker: localStorage.getItem(SPEAKER_KEY) || ''
  });
};

window.sbVoiceChoose = function (microphone, speaker) {
  [[MIC_KEY, microphone], [SPEAKER_KEY, speaker]].forEach(([key, value]) => {
    if (value) {
      localStorage.setItem(key, value);
    } else {
      localStorage.removeItem(key);
    }
  });
};
