// <sb-audio-recorder target="upload URL" max-seconds="300">: records from the microphone with
// MediaRecorder (record / stop / listen again / re-record) and posts each finished recording to the
// target (a Vaadin UploadHandler) as a multipart file, the way <vaadin-upload> does.
// Its texts come from the server in the page's language (the i18n property): none is written here.
class SbAudioRecorder extends HTMLElement {
  connectedCallback() {
    if (this.ready) {
      return;
    }
    this.ready = true;
    // The server may have set i18n before this class was defined: take it through the setter.
    if (Object.prototype.hasOwnProperty.call(this, 'i18n')) {
      const texts = this.i18n;
      delete this.i18n;
      this.i18n = texts;
    }
    this.innerHTML = '<div class="sb-recorder-controls">'
      + '<vaadin-button class="record" theme="primary error"></vaadin-button>'
      + '<vaadin-button class="stop" hidden></vaadin-button>'
      + '<vaadin-button class="again" hidden></vaadin-button>'
      + '<span class="status" aria-live="polite"></span></div>'
      + '<audio class="preview" controls hidden></audio>';
    this.recordButton = this.querySelector('.record');
    this.stopButton = this.querySelector('.stop');
    this.againButton = this.querySelector('.again');
    this.status = this.querySelector('.status');
    this.preview = this.querySelector('.preview');
    this.recordButton.addEventListener('click', () => this.record());
    this.againButton.addEventListener('click', () => this.record());
    this.stopButton.addEventListener('click', () => this.stop());
    this.label();
  }

  set i18n(texts) {
    this.texts = texts;
    this.label();
  }

  get i18n() {
    return this.texts || {};
  }

  label() {
    if (!this.recordButton) {
      return;
    }
    this.recordButton.textContent = this.i18n.record || '';
    this.stopButton.textContent = this.i18n.stop || '';
    this.againButton.textContent = this.i18n.again || '';
    this.preview.setAttribute('aria-label', this.i18n.listen || '');
  }

  disconnectedCallback() {
    this.stop();
  }

  async record() {
    if (!navigator.mediaDevices || !window.MediaRecorder) {
      this.say(this.i18n.cannotRecord);
      return;
    }
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (e) {
      this.say(this.i18n.noMicrophone);
      return;
    }
    const type = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/webm']
      .find(t => MediaRecorder.isTypeSupported(t));
    this.recorder = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
    const chunks = [];
    this.recorder.ondataavailable = e => chunks.push(e.data);
    this.recorder.onstop = () => {
      stream.getTracks().forEach(track => track.stop());
      clearInterval(this.timer);
      const blob = new Blob(chunks, { type: this.recorder.mimeType });
      this.recorder = null;
      this.show('recorded');
      this.preview.src = URL.createObjectURL(blob);
      this.upload(blob);
    };
    this.started = Date.now();
    this.recorder.start(1000);
    this.show('recording');
    const max = Number(this.getAttribute('max-seconds') || 300);
    this.timer = setInterval(() => {
      const seconds = Math.floor((Date.now() - this.started) / 1000);
      this.say(this.i18n.recording.replace('{0}', Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0')));
      if (seconds >= max) {
        this.stop();
      }
    }, 250);
  }

  stop() {
    if (this.recorder && this.recorder.state !== 'inactive') {
      this.recorder.stop();
    }
  }

  async upload(blob) {
    this.say(this.i18n.saving);
    const extension = blob.type.includes('ogg') ? 'ogg' : 'webm';
    const form = new FormData();
    form.append('file', blob, 'recording.' + extension);
    try {
      const response = await fetch(this.getAttribute('target'), { method: 'POST', body: form, credentials: 'same-origin' });
      this.say(response.ok ? '' : this.i18n.sendFailed.replace('{0}', response.status));
    } catch (e) {
      this.say(this.i18n.connectionFailed);
    }
  }

  show(state) {
    this.recordButton.hidden = state !== 'idle';
    this.stopButton.hidden = state !== 'recording';
    this.againButton.hidden = state !== 'recorded';
    this.preview.hidden = state !== 'recorded';
  }

  say(text) {
    this.status.textContent = text;
  }
}
customElements.define('sb-audio-recorder', SbAudioRecorder);

// <sb-audio-playback src="...">: plays a recording once with a progress bar and the time played;
// play() and stop() are called from the server. Fires 'playback-ended' when the recording has finished
// and 'playback-failed' when the browser cannot play it.
class SbAudioPlayback extends HTMLElement {
  connectedCallback() {
    if (this.audio) {
      return;
    }
    this.innerHTML = '<progress max="1" value="0"></progress><span class="time"></span>';
    this.bar = this.querySelector('progress');
    this.time = this.querySelector('.time');
    this.newAudio();
  }

  /** A media element of its own for each play: one taken into a web call's audio graph stays tied to it. */
  newAudio() {
    this.audio = new Audio();
    this.audio.preload = 'auto';
    this.audio.addEventListener('timeupdate', () => this.render());
    this.audio.addEventListener('ended', () => {
      this.render();
      this.dispatchEvent(new CustomEvent('playback-ended'));
    });
    this.audio.addEventListener('error', () => this.dispatchEvent(new CustomEvent('playback-failed')));
  }

  disconnectedCallback() {
    this.stop();
  }

  play() {
    this.connectedCallback();
    // On a web call the dashboard's softphone mixes the recording into what the caller hears.
    const softphone = document.querySelector('sb-softphone');
    if (softphone && softphone.pc) {
      this.stop();
      this.newAudio();
      softphone.mixIn(this.audio);
    }
    this.audio.src = this.getAttribute('src');
    this.audio.currentTime = 0;
    return this.audio.play().catch(() => this.dispatchEvent(new CustomEvent('playback-failed')));
  }

  stop() {
    if (this.audio) {
      this.audio.pause();
    }
  }

  render() {
    const total = Number(this.getAttribute('duration-ms') || 0) / 1000 || this.audio.duration || 0;
    const played = Math.min(this.audio.currentTime, total || this.audio.currentTime);
    this.bar.value = total ? played / total : 0;
    this.time.textContent = SbAudioPlayback.format(played) + ' / ' + SbAudioPlayback.format(total);
  }

  static format(seconds) {
    const s = Math.floor(seconds);
    return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
  }
}
customElements.define('sb-audio-playback', SbAudioPlayback);
