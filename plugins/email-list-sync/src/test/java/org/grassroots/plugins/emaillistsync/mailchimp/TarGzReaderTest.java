package org.grassroots.plugins.emaillistsync.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

class TarGzReaderTest {

    private static final String LONG_NAME = "5d7bbd2e0b/" + "x".repeat(120) + ".json";

    @Test
    void readsTheFilesOfAnArchiveMadeByGnuTarIncludingALongName() throws IOException {
        List<TarGzReader.Entry> entries = TarGzReader.read(resource("batch-results-gnu.tar.gz"));

        assertThat(entries).extracting(TarGzReader.Entry::name)
                .containsExactlyInAnyOrder("5d7bbd2e0b/0.json", LONG_NAME);
        assertThat(text(entries, "5d7bbd2e0b/0.json")).startsWith("[{\"status_code\":200,\"operation_id\":\"chunk-0\"");
        assertThat(text(entries, LONG_NAME)).contains("\"operation_id\":\"chunk-1\"");
    }

    @Test
    void readsTheFilesOfAPaxArchive() throws IOException {
        List<TarGzReader.Entry> entries = TarGzReader.read(resource("batch-results-pax.tar.gz"));

        assertThat(entries).extracting(TarGzReader.Entry::name)
                .containsExactlyInAnyOrder("5d7bbd2e0b/0.json", LONG_NAME);
        assertThat(text(entries, LONG_NAME)).contains("\"status_code\":400");
    }

    @Test
    void readsWhatTheFakeWritesIncludingEmptyAndBlockSizedFiles() throws IOException {
        byte[] block = "b".repeat(512).getBytes(StandardCharsets.UTF_8);
        byte[] archive = new TarGzWriter().directory("id/").file("id/0.json", "[1]".getBytes(StandardCharsets.UTF_8))
                .file("id/empty.json", new byte[0]).file("id/block.json", block).finish();

        List<TarGzReader.Entry> entries = TarGzReader.read(archive);

        assertThat(entries).extracting(TarGzReader.Entry::name).containsExactly("id/0.json", "id/empty.json", "id/block.json");
        assertThat(entries.get(0).content()).asString(StandardCharsets.UTF_8).isEqualTo("[1]");
        assertThat(entries.get(1).content()).isEmpty();
        assertThat(entries.get(2).content()).isEqualTo(block);
    }

    @Test
    void refusesSomethingThatIsNotATarArchive() throws IOException {
        byte[] notTar = gzip("{\"this\":\"is json, not tar\"}".repeat(40).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> TarGzReader.read(notTar)).isInstanceOf(IOException.class)
                .hasMessageContaining("bad header checksum");
    }

    @Test
    void refusesATruncatedArchive() throws IOException {
        byte[] whole = new TarGzWriter().file("id/0.json", "x".repeat(2000).getBytes(StandardCharsets.UTF_8)).finish();
        byte[] tar = gunzip(whole);
        byte[] cut = gzip(Arrays.copyOf(tar, 512 + 700));

        assertThatThrownBy(() -> TarGzReader.read(cut)).isInstanceOf(IOException.class)
                .hasMessageContaining("ends inside the file id/0.json");
    }

    @Test
    void refusesBytesThatAreNotGzip() {
        assertThatThrownBy(() -> TarGzReader.read("plain".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void readsOctalAndBase256Sizes() {
        byte[] header = new byte[512];
        System.arraycopy("00000001750\0".getBytes(StandardCharsets.US_ASCII), 0, header, 124, 12);
        assertThat(TarGzReader.number(header, 124, 12)).isEqualTo(1000);

        byte[] big = new byte[512];
        big[124] = (byte) 0x80;
        big[133] = 0x02;
        big[134] = 0x00;
        big[135] = 0x00;
        assertThat(TarGzReader.number(big, 124, 12)).isEqualTo(0x020000L);
    }

    private static String text(List<TarGzReader.Entry> entries, String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst()
                .map(e -> new String(e.content(), StandardCharsets.UTF_8)).orElseThrow();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = TarGzReaderTest.class.getResourceAsStream("/mailchimp/" + name)) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
