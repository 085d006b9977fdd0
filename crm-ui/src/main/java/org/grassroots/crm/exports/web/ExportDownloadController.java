package org.grassroots.crm.exports.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.grassroots.crm.exports.ExportDownload;
import org.grassroots.crm.exports.ExportDownloadRefusedException;
import org.grassroots.crm.exports.ExportLinkService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The download address of a partner export's link: {@code /exports/download/<token>}. Needs a signed-in member of
 * staff (an unsigned visitor goes through the login first and comes back here); the link service checks the token,
 * the link's and the export's state and the donation-field rule, audits the download, and hands over the decrypted
 * file, which is streamed to the response. A refusal is a short page saying why: 404 for an unknown link, 410 for a
 * revoked or expired link or an expired export, 403 for donation fields, 500 for a missing file. The token is never
 * logged.
 */
@RestController
class ExportDownloadController {

    static final String PATH = "/exports/download/{token}";
    private static final Logger log = LoggerFactory.getLogger(ExportDownloadController.class);

    private final ExportLinkService links;

    ExportDownloadController(ExportLinkService links) {
        this.links = links;
    }

    @GetMapping(PATH)
    void download(@PathVariable String token, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ExportDownload download;
        try {
            download = links.download(token, request.getRemoteAddr());
        } catch (ExportDownloadRefusedException refused) {
            refuse(response, status(refused), refused.getMessage());
            return;
        } catch (AccessDeniedException denied) {
            refuse(response, HttpStatus.FORBIDDEN, denied.getMessage());
            return;
        }
        try (download; InputStream in = download.content()) {
            response.setStatus(HttpStatus.OK.value());
            response.setContentType(download.mediaType());
            response.setContentLengthLong(download.contentLength());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename(download.fileName(), StandardCharsets.UTF_8).build().toString());
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            OutputStream out = response.getOutputStream();
            in.transferTo(out);
            out.flush();
        }
    }

    private static HttpStatus status(ExportDownloadRefusedException refused) {
        return switch (refused) {
            case ExportDownloadRefusedException.UnknownLink unknown -> HttpStatus.NOT_FOUND;
            case ExportDownloadRefusedException.LinkExpired expired -> HttpStatus.GONE;
            case ExportDownloadRefusedException.LinkRevoked revoked -> HttpStatus.GONE;
            case ExportDownloadRefusedException.ExportExpired expired -> HttpStatus.GONE;
            case ExportDownloadRefusedException.FileMissing missing -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    private static void refuse(HttpServletResponse response, HttpStatus status, String message) throws IOException {
        log.info("Export download refused ({}): {}", status.value(), message);
        response.setStatus(status.value());
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
