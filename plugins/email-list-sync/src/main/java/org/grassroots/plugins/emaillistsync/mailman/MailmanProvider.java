package org.grassroots.plugins.emaillistsync.mailman;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.grassroots.crm.plugin.api.email.ConnectionCheck;
import org.grassroots.crm.plugin.api.email.EmailListProvider;
import org.grassroots.crm.plugin.api.email.ListMember;
import org.grassroots.crm.plugin.api.email.MemberOutcome;
import org.grassroots.crm.plugin.api.email.MemberOutcome.Result;
import org.grassroots.crm.plugin.api.email.PullPage;
import org.grassroots.crm.plugin.api.email.RemoteMember;
import org.grassroots.crm.plugin.api.jobs.JobContext;
import org.grassroots.crm.plugin.api.settings.PluginSettings;
import org.grassroots.crm.plugin.api.supporters.Segment;
import org.grassroots.plugins.emaillistsync.mailman.MailmanHttp.Answer;
import org.grassroots.plugins.emaillistsync.mailman.MailmanHttp.Call;
import org.jspecify.annotations.Nullable;
import org.pf4j.Extension;
import tools.jackson.databind.JsonNode;

/**
 * Keeps a Mailman 3 list in step with the CRM through Mailman core's REST API (3.0 or 3.1), as the REST admin
 * configured in the plugin's settings ({@link MailmanSettings}).
 *
 * <ul>
 *   <li>{@link #push}: a subscribed member is {@code POST /members} with {@code pre_verified}, {@code pre_confirmed}
 *       and {@code pre_approved} (the CRM already holds the person's consent, so Mailman sends no confirmation
 *       mail and holds nothing for a moderator) and {@code send_welcome_message=false}: {@code 201} is
 *       {@link Result#ADDED}, {@code 409 Member already subscribed} is {@link Result#UPDATED} (Mailman keeps the
 *       name it has). An unsubscribed member is looked up with {@code GET /lists/{list}/member/{email}} and deleted
 *       with {@code DELETE /members/{member_id}}: {@link Result#REMOVED}, also when Mailman did not have it. The
 *       outcome's remote id is Mailman's {@code member_id}.</li>
 *   <li>{@link #remove}: {@code DELETE /members/{member_id}} by the remote id; a member Mailman no longer has is
 *       {@link Result#REMOVED}.</li>
 *   <li>{@link #pull}: the whole roster, see below.</li>
 * </ul>
 *
 * <p><b>Pull-back works by difference.</b> Mailman keeps no unsubscribe history: a member who leaves (by mail
 * command, in Postorius, or removed by the list owner, including for bounces when the list removes bouncing
 * members) is deleted from the roster. So {@link #pull} ignores {@code sinceEpochSecond} and reads the complete
 * roster of regular members ({@code GET /lists/{list}/roster/member}, page by page), reporting each as
 * {@code SUBSCRIBED}, then the members whose delivery Mailman disabled for bounces
 * ({@code GET /members/find?delivery_status=by_bounces}), reporting each as {@code BOUNCED}. Such a member is
 * therefore reported twice in one pull, first {@code SUBSCRIBED} and later {@code BOUNCED}; the later report
 * wins. The sync engine must interpret the result thus: an address it pushed as subscribed to this list (it has a
 * {@code remote id} from an earlier push) that does not appear in <em>any</em> page of a pull that ran to its
 * last page ({@code nextCursor == null}) left the list, and is an unsubscribe from this source. A pull that
 * stopped early (an error, a cancel) proves nothing about absent addresses. Addresses pushed after the pull
 * started are not concluded about either.
 *
 * <p>Reading a roster page by page while it changes could skip a member, who would then look as if they had
 * left. The cursor therefore carries the roster's size from its first page; if the size changes during the pull,
 * the roster is read again from its first page (up to {@value #MAX_ROSTER_RESTARTS} times, then the pull fails
 * with an {@link IOException} for the job to retry later).
 *
 * <p>Every call goes through {@link MailmanHttp}: Basic auth, timeouts, at most {@value #CONCURRENT_CALLS} calls
 * in flight, retries with backoff and jitter on 5xx, 429, timeouts and connection errors, then an
 * {@link IOException}. Webhooks are not supported: Mailman core sends none.
 */
@Extension
public class MailmanProvider implements EmailListProvider {

    /** Members per {@link #push} call; each member is one or two REST calls. */
    static final int BATCH_SIZE = 100;
    /** REST calls in flight at once, across the engine's threads. */
    static final int CONCURRENT_CALLS = 4;
    /** Members per roster page. */
    static final int PAGE_SIZE = 500;
    /** How often a pull starts the roster again because it changed while being read. */
    static final int MAX_ROSTER_RESTARTS = 3;

    private static final String ALREADY_SUBSCRIBED = "Member already subscribed";

    private final PluginSettings settings;
    private final MailmanHttp http;
    private final MailmanRoster roster;

    /** The provider the plugin loader creates, reading its connection from {@code settings} at each call. */
    public MailmanProvider(PluginSettings settings) {
        this(settings, new MailmanHttp(Duration.ofSeconds(10), Duration.ofSeconds(30),
                new MailmanHttp.Retry(4, Duration.ofMillis(500), Duration.ofSeconds(30)), CONCURRENT_CALLS),
                Clock.systemUTC(), PAGE_SIZE);
    }

    MailmanProvider(PluginSettings settings, MailmanHttp http, Clock clock, int pageSize) {
        this.settings = settings;
        this.http = http;
        this.roster = new MailmanRoster(http, clock, pageSize, MAX_ROSTER_RESTARTS);
    }

    @Override
    public String id() {
        return "mailman";
    }

    @Override
    public String displayName() {
        return "Mailman 3";
    }

    @Override
    public boolean isConfigured() {
        return MailmanSettings.isComplete(settings)
                && MailmanSettings.normaliseListId(settings.get(MailmanSettings.LIST_ID).orElse("")).isPresent();
    }

    /** {@code mailman:list <listId>}, for example {@code mailman:list supporters.example.org}. */
    @Override
    public String sourceLabel() {
        String list = settings.get(MailmanSettings.LIST_ID).map(String::strip).orElse("");
        return "mailman:list " + MailmanSettings.normaliseListId(list).orElse(list);
    }

    @Override
    public Segment segment() {
        return MailmanSettings.SEGMENT.segment(settings);
    }

    @Override
    public @Nullable String syncCron() {
        return MailmanSettings.SEGMENT.schedule(settings);
    }

    @Override
    public int maxBatchSize() {
        return BATCH_SIZE;
    }

    @Override
    public int maxConcurrentCalls() {
        return CONCURRENT_CALLS;
    }

    /** {@code GET /lists/{list}} once, without retries; a failure is described, never thrown. */
    @Override
    public ConnectionCheck testConnection() {
        if (!isConfigured()) {
            return new ConnectionCheck(false, "Fill in the Mailman REST API URL, admin user, password and list first.");
        }
        MailmanConnection connection;
        try {
            connection = MailmanConnection.from(settings);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return new ConnectionCheck(false, "The Mailman settings are not usable: " + e.getMessage());
        }
        try {
            Answer list = http.sendOnce(connection, Call.get("lists/" + MailmanHttp.segment(connection.listId()),
                    "GET /lists/{list}"));
            return switch (list.status()) {
                case 200 -> {
                    JsonNode json = list.json();
                    long members = json.path("member_count").asLong(0);
                    yield new ConnectionCheck(true, "Connected to list '" + json.path("display_name").asString(
                            connection.listId()) + "' (" + String.format(Locale.US, "%,d", members)
                            + (members == 1 ? " member)" : " members)"));
                }
                case 401, 403 -> new ConnectionCheck(false, "Mailman refused the REST admin user or password ("
                        + list.status() + "). Use admin_user and admin_pass from the [webservice] section of "
                        + "mailman.cfg.");
                case 404 -> new ConnectionCheck(false, notFound(connection));
                default -> new ConnectionCheck(false, "Mailman answered " + list.status() + ": " + list.reason());
            };
        } catch (HttpTimeoutException e) {
            Duration timeout = http.requestTimeout();
            return new ConnectionCheck(false, "Mailman at " + connection.baseUrl() + " did not answer within "
                    + (timeout.toSeconds() > 0 ? timeout.toSeconds() + " seconds." : timeout.toMillis() + " ms."));
        } catch (IOException e) {
            return new ConnectionCheck(false, "Could not reach Mailman at " + connection.baseUrl() + " ("
                    + MailmanHttp.describe(e) + "). Is Mailman running, and is the REST API URL right?");
        }
    }

    @Override
    public List<MemberOutcome> push(List<ListMember> members, JobContext job) throws IOException {
        if (members.size() > BATCH_SIZE) {
            throw new IllegalArgumentException("At most " + BATCH_SIZE + " members per push, got " + members.size());
        }
        MailmanConnection connection = MailmanConnection.from(settings);
        List<MemberOutcome> outcomes = new ArrayList<>(members.size());
        for (ListMember member : members) {
            job.checkCancelled();
            outcomes.add(member.subscribed() ? subscribe(connection, member) : unsubscribe(connection, member.email()));
        }
        return outcomes;
    }

    @Override
    public List<MemberOutcome> remove(List<RemoteMember> members, JobContext job) throws IOException {
        MailmanConnection connection = MailmanConnection.from(settings);
        List<MemberOutcome> outcomes = new ArrayList<>(members.size());
        for (RemoteMember member : members) {
            job.checkCancelled();
            String memberId = member.remoteId();
            if (memberId == null || !memberId.matches("[0-9A-Fa-f-]{1,64}")) {
                outcomes.add(new MemberOutcome(member.emailSha256(), Result.FAILED, memberId == null
                        ? "No Mailman member id was recorded for this member; remove the address by hand in Postorius."
                        : "Not a Mailman member id: " + memberId, memberId));
                continue;
            }
            outcomes.add(deleteMember(connection, member.emailSha256(), memberId));
        }
        return outcomes;
    }

    /**
     * One page of the roster; see the class comment for how the engine must read a complete pull.
     *
     * @param sinceEpochSecond ignored: Mailman cannot filter by change time, and pull-back needs the whole roster
     */
    /** Always: Mailman deletes members who leave, so only the whole roster shows who left. */
    @Override
    public boolean pullReportsWholeList() {
        return true;
    }

    @Override
    public PullPage pull(@Nullable String cursor, long sinceEpochSecond) throws IOException {
        return roster.page(MailmanConnection.from(settings), cursor);
    }

    private MemberOutcome subscribe(MailmanConnection connection, ListMember member) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("list_id", connection.listId());
        form.put("subscriber", member.email());
        String name = Stream.of(member.firstName(), member.lastName())
                .filter(part -> part != null && !part.isBlank()).map(String::strip).collect(Collectors.joining(" "));
        if (!name.isEmpty()) {
            form.put("display_name", name);
        }
        form.put("pre_verified", "true");
        form.put("pre_confirmed", "true");
        form.put("pre_approved", "true");
        form.put("send_welcome_message", "false");
        Answer answer = http.send(connection, Call.post("members", form, "POST /members"));
        return switch (answer.status()) {
            case 201 -> new MemberOutcome(member.email(), Result.ADDED, null, lastSegment(answer.location()));
            case 409 -> ALREADY_SUBSCRIBED.equals(answer.reason())
                    ? new MemberOutcome(member.email(), Result.UPDATED, null, findMemberId(connection, member.email()))
                    : failed(member.email(), "subscribe", answer);
            case 202 -> new MemberOutcome(member.email(), Result.FAILED, "Mailman holds the subscription for the "
                    + answer.json().path("token_owner").asString("list owner") + "'s confirmation (202).", null);
            default -> failed(member.email(), "subscribe", answer);
        };
    }

    private MemberOutcome unsubscribe(MailmanConnection connection, String email) throws IOException {
        Answer member = lookUp(connection, email);
        return switch (member.status()) {
            case 200 -> {
                String memberId = memberId(member);
                yield memberId == null
                        ? new MemberOutcome(email, Result.FAILED, "Mailman's member record has no member id", null)
                        : deleteMember(connection, email, memberId);
            }
            case 404 -> new MemberOutcome(email, Result.REMOVED, null, null);
            default -> failed(email, "look up the member", member);
        };
    }

    /** The member id of {@code email} on the list, or {@code null} when Mailman does not say. */
    private @Nullable String findMemberId(MailmanConnection connection, String email) throws IOException {
        Answer member = lookUp(connection, email);
        return member.status() == 200 ? memberId(member) : null;
    }

    /** {@code GET /lists/{list}/member/{email}}: the member's record, or 404 when the address is not a member. */
    private Answer lookUp(MailmanConnection connection, String email) throws IOException {
        return http.send(connection, Call.get("lists/" + MailmanHttp.segment(connection.listId())
                + "/member/" + MailmanHttp.segment(email), "GET /lists/{list}/member/{email}"));
    }

    private static @Nullable String memberId(Answer member) {
        JsonNode json = member.json();
        String memberId = json.path("member_id").asString("");
        return memberId.isEmpty() ? lastSegment(json.path("self_link").asString(null)) : memberId;
    }

    /** {@code DELETE /members/{id}}, pre-approved and pre-confirmed so no unsubscription policy holds it. */
    private MemberOutcome deleteMember(MailmanConnection connection, String name, String memberId) throws IOException {
        Answer answer = http.send(connection, Call.delete("members/" + MailmanHttp.segment(memberId) + "?"
                + MailmanHttp.query(Map.of("pre_approved", "true", "pre_confirmed", "true")), "DELETE /members/{id}"));
        return switch (answer.status()) {
            case 204, 200, 404 -> new MemberOutcome(name, Result.REMOVED, null, memberId);
            case 202 -> new MemberOutcome(name, Result.FAILED, "Mailman holds the unsubscription for the "
                    + answer.json().path("token_owner").asString("list owner") + "'s confirmation (202).", memberId);
            default -> failed(name, "unsubscribe", answer);
        };
    }

    private static MemberOutcome failed(String name, String action, Answer answer) {
        String reason = answer.status() == 401 || answer.status() == 403
                ? "Mailman refused the REST admin user or password (" + answer.status() + ")"
                : "Mailman refused to " + action + " (" + answer.status() + "): " + answer.reason();
        return new MemberOutcome(name, Result.FAILED, reason, null);
    }

    private String notFound(MailmanConnection connection) {
        try {
            Answer versions = http.sendOnce(connection, Call.get("system/versions", "GET /system/versions"));
            if (versions.status() == 200) {
                return "Mailman has no list '" + connection.listId() + "' (404). Check the list's id, for example "
                        + "supporters.example.org, or its address.";
            }
        } catch (IOException e) {
            // fall through: the base URL is at fault either way
        }
        return "No Mailman REST API at " + connection.baseUrl() + " (404). The URL ends with the API version, for "
                + "example http://127.0.0.1:8001/3.1.";
    }

    static @Nullable String lastSegment(@Nullable String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        String trimmed = link.endsWith("/") ? link.substring(0, link.length() - 1) : link;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
