package org.switchboard.voice;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The networks whose ICE candidates are relayed ({@code switchboard.voice.candidate-networks}). A
 * candidate outside them, or one that names a host instead of an address (an mDNS name), is dropped
 * before it reaches the other party, so the browsers never try a path outside these networks.
 * With no network configured every well-formed candidate passes.
 */
public final class CandidateNetworks {

    private static final Pattern CANDIDATE = Pattern.compile(
            "candidate:[!-~]{1,64} \\d{1,5} (?i:udp|tcp) \\d{1,10} (\\S{1,100}) \\d{1,5} typ (?:host|srflx|prflx|relay)(?: [ -~]*)?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private record Network(byte[] prefix, int bits) {
    }

    private final List<Network> networks;

    public CandidateNetworks(List<String> cidrs) {
        this.networks = cidrs.stream().map(String::strip).filter(s -> !s.isEmpty()).map(CandidateNetworks::parse).toList();
    }

    private static Network parse(String cidr) {
        String[] parts = cidr.split("/", 2);
        byte[] address = literal(parts[0]);
        if (address == null) {
            throw new IllegalArgumentException("switchboard.voice.candidate-networks: '" + cidr + "' is no network (CIDR) address");
        }
        int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
        if (bits < 0 || bits > address.length * 8) {
            throw new IllegalArgumentException("switchboard.voice.candidate-networks: '" + cidr + "' has a wrong prefix length");
        }
        return new Network(address, bits);
    }

    /** Whether a candidate line ({@code candidate:...}, without {@code a=}) is well formed and in the networks. */
    public boolean allows(String candidate) {
        Matcher matcher = CANDIDATE.matcher(candidate);
        if (!matcher.matches()) {
            return false;
        }
        if (networks.isEmpty()) {
            return true;
        }
        byte[] address = literal(matcher.group(1));
        return address != null && networks.stream().anyMatch(network -> contains(network, address));
    }

    /** The SDP with only the candidate lines that {@link #allows} passes. */
    public String filterSdp(String sdp) {
        return sdp.lines()
                .filter(line -> !line.startsWith("a=candidate:") || allows(line.substring(2)))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
    }

    /** The address of an IP literal, or null for anything else; never a name lookup. */
    private static byte[] literal(String text) {
        if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean contains(Network network, byte[] address) {
        if (address.length != network.prefix().length) {
            return false;
        }
        int shift = address.length * 8 - network.bits();
        return new BigInteger(1, address).shiftRight(shift).equals(new BigInteger(1, network.prefix()).shiftRight(shift));
    }
}
