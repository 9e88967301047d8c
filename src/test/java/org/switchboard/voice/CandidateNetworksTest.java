package org.switchboard.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which ICE candidates are relayed: loopback here, a site's LAN elsewhere; host names never. */
class CandidateNetworksTest {

    static final String LOOPBACK = "candidate:896646373 1 udp 2122194687 127.0.0.1 39963 typ host generation 0 ufrag d1IB";
    static final String LOOPBACK_V6 = "candidate:610119277 1 udp 2122267903 ::1 58103 typ host generation 0 ufrag d1IB";
    static final String OWN_INTERFACE = "candidate:1 1 udp 2122260223 192.0.2.2 40000 typ host generation 0";
    static final String OWN_INTERFACE_V6 = "candidate:2 1 udp 2122262783 fd00::2 40001 typ host generation 0";
    static final String MDNS = "candidate:3 1 udp 2122260223 0b1c2d3e-aaaa-bbbb-cccc-123456789abc.local 40002 typ host";

    final CandidateNetworks loopback = new CandidateNetworks(List.of("127.0.0.0/8", "::1/128"));

    @Test
    void onlyCandidatesInTheNetworksPass() {
        assertThat(loopback.allows(LOOPBACK)).isTrue();
        assertThat(loopback.allows(LOOPBACK_V6)).isTrue();
        assertThat(loopback.allows(LOOPBACK.replace("127.0.0.1", "127.8.9.10"))).isTrue();
        assertThat(loopback.allows(OWN_INTERFACE)).isFalse();
        assertThat(loopback.allows(OWN_INTERFACE_V6)).isFalse();
    }

    @Test
    void aHostNameIsNeverLookedUpAndNeverPasses() {
        assertThat(loopback.allows(MDNS)).isFalse();
        assertThat(new CandidateNetworks(List.of()).allows(MDNS.replace(".local", ".example"))).isTrue();
        assertThat(loopback.allows(MDNS.replace("0b1c2d3e-aaaa-bbbb-cccc-123456789abc.local", "localhost"))).isFalse();
    }

    @Test
    void withoutNetworksEveryWellFormedCandidatePassesAndNothingElse() {
        CandidateNetworks any = new CandidateNetworks(List.of());
        assertThat(any.allows(OWN_INTERFACE)).isTrue();
        assertThat(any.allows("candidate:1 1 udp 1 10.0.0.1 40000 typ bogus")).isFalse();
        assertThat(any.allows("a=" + OWN_INTERFACE)).isFalse();
        assertThat(any.allows(OWN_INTERFACE + "\r\na=evil")).isFalse();
    }

    @Test
    void aLanPrefixCoversItsAddressesOnly() {
        CandidateNetworks lan = new CandidateNetworks(List.of("192.0.2.0/25"));
        assertThat(lan.allows(OWN_INTERFACE)).isTrue();
        assertThat(lan.allows(OWN_INTERFACE.replace("192.0.2.2", "192.0.2.200"))).isFalse();
    }

    @Test
    void theSdpKeepsOnlyCandidatesInTheNetworks() {
        String sdp = "v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=" + LOOPBACK + "\r\na=" + OWN_INTERFACE + "\r\na=" + MDNS
                + "\r\na=mid:0\r\n";
        assertThat(loopback.filterSdp(sdp)).isEqualTo("v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=" + LOOPBACK + "\r\na=mid:0\r\n");
    }

    @Test
    void aWrongSettingFailsAtStart() {
        assertThatThrownBy(() -> new CandidateNetworks(List.of("loopback"))).hasMessageContaining("'loopback' is no network");
        assertThatThrownBy(() -> new CandidateNetworks(List.of("127.0.0.0/33"))).hasMessageContaining("wrong prefix length");
    }
}
