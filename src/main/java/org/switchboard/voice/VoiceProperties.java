package org.switchboard.voice;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import tools.jackson.databind.json.JsonMapper;

/**
 * Web calls ({@code switchboard.voice.*}).
 *
 * @param iceServers        STUN and TURN servers the browsers use; none by default, enough on one LAN
 * @param candidateNetworks networks (CIDR) whose ICE candidates are relayed between the parties, in
 *                          candidate messages and in the SDP; empty relays every candidate. Keeps a
 *                          site's media on its LAN, and the tests' on loopback
 * @param maxSdpBytes       an offer or answer may be at most this long
 * @param maxCandidateBytes an ICE candidate line may be at most this long
 * @param signalsBurst      signals one party may send at once for its call
 * @param signalsPerSecond  and then per second
 * @param startsBurst       calls one browser may place at once from the caller page
 * @param startsPerSecond   and then per second
 * @param addressStartsBurst calls all browsers behind one client address (a company network) may place at
 *                          once from the caller page
 * @param addressStartsPerSecond and then per second
 * @param audioProcessing   the browsers' echo cancellation, noise suppression and automatic gain on the
 *                          microphone; on by default (headsets and laptops need it). Off where the
 *                          microphone is a steady test tone, which noise suppression learns as noise
 *                          and fades out within seconds
 */
@ConfigurationProperties("switchboard.voice")
public record VoiceProperties(
        @DefaultValue List<IceServer> iceServers,
        @DefaultValue List<String> candidateNetworks,
        @DefaultValue("16384") int maxSdpBytes,
        @DefaultValue("512") int maxCandidateBytes,
        @DefaultValue("60") int signalsBurst,
        @DefaultValue("20") double signalsPerSecond,
        @DefaultValue("3") int startsBurst,
        @DefaultValue("0.05") double startsPerSecond,
        @DefaultValue("30") int addressStartsBurst,
        @DefaultValue("0.5") double addressStartsPerSecond,
        @DefaultValue("true") boolean audioProcessing) {

    /** What the browser's line needs: the ICE servers as RTCPeerConnection takes them, and the audio processing (JSON). */
    public String browserSettingsJson() {
        return JsonMapper.shared().writeValueAsString(java.util.Map.of("iceServers", iceServers, "audioProcessing", audioProcessing));
    }

    /** One RTCIceServer: {@code stun:host:3478} or {@code turn:host:3478}, with credentials for TURN. */
    public record IceServer(String urls, String username, String credential) {
    }
}
