using System.Globalization;
using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.Deadlines;
using FinCloud.Core.Identity;
using FinCloud.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.Deadlines;

/// <summary>What one reminder run did, for logs and tests.</summary>
public sealed record ReminderRunResult(int Organizations, int Sent, int AlreadySent, int Failed);

/// <summary>
/// 기한 알림: e-mails the people responsible 30, 7 and 1 days before each deadline (on the business day before,
/// when that day is a weekend or holiday). Each (deadline, threshold, recipient) is claimed in
/// <see cref="SentReminder"/> before the mail goes out, so a repeated run or a second instance never sends it
/// twice; a failed send releases the claim for the next run. Only the most urgent threshold reached is sent:
/// a deadline created 5 days ahead gets the 7-day reminder, not a stale 30-day one.
/// </summary>
public sealed partial class DeadlineReminders(IServiceScopeFactory scopes, IMailSender mail, TimeProvider clock, IConfiguration configuration, ILogger<DeadlineReminders> log)
{
    public static readonly int[] Thresholds = [1, 7, 30];

    public async Task<ReminderRunResult> RunAsync(CancellationToken ct)
    {
        List<Guid> organizations;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FinCloudDbContext>();
            organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(ct);
        }

        int sent = 0, already = 0, failed = 0;
        foreach (var organizationId in organizations)
        {
            // One scope per organisation: a scope acts for one organisation only.
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FinCloudDbContext>();
            db.Tenant.Enter(organizationId, null, ActorKind.System);
            var board = scope.ServiceProvider.GetRequiredService<DeadlineBoard>();
            var (s, a, f) = await RunForOrganizationAsync(db, board, ct);
            sent += s;
            already += a;
            failed += f;
        }

        LogRun(log, organizations.Count, sent, already, failed);
        return new ReminderRunResult(organizations.Count, sent, already, failed);
    }

    private async Task<(int Sent, int Already, int Failed)> RunForOrganizationAsync(FinCloudDbContext db, DeadlineBoard board, CancellationToken ct)
    {
        var today = board.Today;
        var deadlines = await board.CollectAsync(db, ct);
        if (deadlines.Count == 0)
        {
            return (0, 0, 0);
        }

        var officers = await db.Memberships.AsNoTracking()
            .Where(m => m.Role == OrganizationRole.Officer || m.Role == OrganizationRole.Ciso)
            .Select(m => m.UserId).Distinct().ToListAsync(ct);
        int sent = 0, already = 0, failed = 0;
        foreach (var deadline in deadlines.Where(d => d.DueOn >= today))
        {
            // The most urgent threshold whose reminder day has come.
            var threshold = Thresholds.Cast<int?>().FirstOrDefault(n => today >= board.ReminderDay(deadline.DueOn, n!.Value));
            if (threshold is not { } daysBefore)
            {
                continue;
            }

            IReadOnlyList<Guid> recipients = deadline.AssigneeId is { } assignee ? [assignee] : officers;
            foreach (var recipientId in recipients)
            {
                var outcome = await RemindAsync(db, deadline, daysBefore, recipientId, today, ct);
                switch (outcome)
                {
                    case Outcome.Sent: sent++; break;
                    case Outcome.AlreadySent: already++; break;
                    case Outcome.Failed: failed++; break;
                }
            }
        }

        return (sent, already, failed);
    }

    private enum Outcome
    {
        Sent,
        AlreadySent,
        Failed,
    }

    private async Task<Outcome> RemindAsync(FinCloudDbContext db, Deadline deadline, int daysBefore, Guid recipientId, DateOnly today, CancellationToken ct)
    {
        if (await db.SentReminders.AnyAsync(r => r.DeadlineKey == deadline.Key && r.DueOn == deadline.DueOn && r.DaysBefore == daysBefore && r.RecipientId == recipientId, ct))
        {
            return Outcome.AlreadySent;
        }

        var email = await db.Users.AsNoTracking().Where(u => u.Id == recipientId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        if (email is null)
        {
            return Outcome.Failed;
        }

        // Claim first: the unique index lets exactly one instance insert it.
        var claim = SentReminder.Record(deadline, daysBefore, recipientId, clock.GetUtcNow());
        db.SentReminders.Add(claim);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Outcome.AlreadySent;
        }

        try
        {
            await mail.SendAsync(Compose(email, deadline, daysBefore, today), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSendFailed(log, e, deadline.Key, daysBefore);
            db.SentReminders.Remove(claim);
            await db.SaveChangesAsync(ct);
            return Outcome.Failed;
        }

        db.Audit(AuditEventType.DeadlineReminderSent, nameof(Deadline), deadline.Key,
            after: string.Create(CultureInfo.InvariantCulture, $"d-{daysBefore} due {deadline.DueOn:yyyy-MM-dd} to user {recipientId}"));
        await db.SaveChangesAsync(ct);
        return Outcome.Sent;
    }

    private OutgoingMail Compose(string email, Deadline deadline, int daysBefore, DateOnly today)
    {
        var link = (configuration["App:BaseUrl"] ?? "").TrimEnd('/') + deadline.Link;
        var left = deadline.DueOn.DayNumber - today.DayNumber;
        var subject = $"[FinCloud] 기한 {daysBefore}일 전 알림: {deadline.Title}";
        var body = string.Join('\n',
            $"{deadline.Title}",
            "",
            $"기한: {deadline.DueOn:yyyy-MM-dd} ({KoreanWeekday(deadline.DueOn)}), 오늘({today:yyyy-MM-dd}) 기준 {left}일 남음",
            deadline.Basis is null ? "" : $"산정 근거: {deadline.Basis}",
            $"바로 가기: {link}",
            "",
            "이 메일은 FinCloud 기한 알림으로 기한 30일·7일·1일 전에 한 번씩 발송됩니다.",
            $"Deadline reminder ({daysBefore} days): due {deadline.DueOn:yyyy-MM-dd}.");
        return new OutgoingMail(email, subject, body);
    }

    private static string KoreanWeekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Monday => "월",
        DayOfWeek.Tuesday => "화",
        DayOfWeek.Wednesday => "수",
        DayOfWeek.Thursday => "목",
        DayOfWeek.Friday => "금",
        DayOfWeek.Saturday => "토",
        _ => "일",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline reminders: {Organizations} organisations, {Sent} sent, {AlreadySent} already sent, {Failed} failed")]
    private static partial void LogRun(ILogger logger, int organizations, int sent, int alreadySent, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder for {DeadlineKey} (d-{DaysBefore}) could not be sent; it is retried on the next run")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string deadlineKey, int daysBefore);
}
