package org.grassroots.crm.exports;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * A download in progress: the decrypted file as a stream, to copy to the response and close. The download was
 * audited before this was returned. Each chunk is authenticated before its bytes are handed out; a file damaged
 * on disk fails with an {@link IOException} part-way instead of yielding wrong bytes.
 *
 * @param fileName      a name for the saved file, such as {@code export-12-sierra-club-march.csv}
 * @param contentLength the exact number of bytes {@code content} yields
 */
public record ExportDownload(long definitionId, long linkId, String fileName, String mediaType, long contentLength,
        InputStream content) implements Closeable {

    @Override
    public void close() throws IOException {
        content.close();
    }
}
