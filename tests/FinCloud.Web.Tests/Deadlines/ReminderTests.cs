using FinCloud.Core.Audit;
using FinCloud.Core.Deadlines;
using FinCloud.Web.Features.Deadlines;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace FinCloud.Web.Tests.Deadlines;

public sealed class ReminderTests
{
    // 2026-11-02 09:00 KST, a Monday; a deadline on Wednesday 2026-12-02 is 30 days away.
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly DueOn = new(2026, 12, 2);

    private static async Task<(FinCloudApp App, TestDeadlines Deadlines, Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock, string Mail)> StartAsync(string provider)
    {
        var (deadlines, clock, services) = TestDeadlines.Create(Start);
        var mail = Directory.CreateTempSubdirectory("fincloud-mail-").FullName;
        var app = await FinCloudApp.StartAsync(provider, services: services, settings: new Dictionary<string, string>
        {
            ["Jobs:Enabled"] = "false",
            ["Mail:DropDirectory"] = mail,
            ["App:BaseUrl"] = "https://fincloud.example",
        });
        return (app, deadlines, clock, mail);
    }

    private static List<MimeMessage> Mails(string folder) =>
        Directory.GetFiles(folder, "*.eml").Select(f => MimeMessage.Load(f)).ToList();

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Reminders_go_out_once_at_thirty_and_seven_days_to_the_officers(string provider)
    {
        var (app, deadlines, clock, mail) = await StartAsync(provider);
        await using var _ = app;
        var bank = await app.BankAsync();
        deadlines.Set(bank, new Deadline("cloud-use/report/1", "클라우드 이용 사후보고: 고객상담 SaaS", DueOn, "/cloud-use/1")
        {
            Basis = "계약 체결일 2026-09-02 + 3개월",
        });
        var reminders = app.Services.GetRequiredService<DeadlineReminders>();

        var first = await reminders.RunAsync(CancellationToken.None);
        var again = await reminders.RunAsync(CancellationToken.None);

        first.Sent.ShouldBe(3);   // officer, CISO and the administrator who is also an officer
        again.Sent.ShouldBe(0);
        again.AlreadySent.ShouldBe(3);
        var sent = Mails(mail);
        sent.Count.ShouldBe(3);
        sent.Select(m => m.To.Mailboxes.Single().Address).Order().ShouldBe(["admin@hanbit.example", "ciso@hanbit.example", "officer@hanbit.example"]);
        sent[0].Subject.ShouldBe("[FinCloud] 기한 30일 전 알림: 클라우드 이용 사후보고: 고객상담 SaaS");
        sent[0].TextBody!.ShouldContain("기한: 2026-12-02 (수)");
        sent[0].TextBody!.ShouldContain("https://fincloud.example/cloud-use/1");
        sent[0].TextBody!.ShouldContain("계약 체결일 2026-09-02 + 3개월");

        clock.Advance(TimeSpan.FromDays(10));   // 11-12: no threshold reached since the 30-day one
        (await reminders.RunAsync(CancellationToken.None)).Sent.ShouldBe(0);
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero));   // 7 days before
        (await reminders.RunAsync(CancellationToken.None)).Sent.ShouldBe(3);
        Mails(mail).Count(m => m.Subject!.Contains("7일 전", StringComparison.Ordinal)).ShouldBe(3);

        var audited = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Type == AuditEventType.DeadlineReminderSent).ToListAsync(), bank);
        audited.Count.ShouldBe(6);
        audited.ShouldAllBe(e => e.EntityId == "cloud-use/report/1" && !e.After!.Contains('@'));
        (await app.WithDbAsync(db => AuditChain.VerifyAsync(db, CancellationToken.None), bank)).IsIntact.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_deadline_created_late_gets_only_the_most_urgent_reminder_and_its_assignee_alone(string provider)
    {
        var (app, deadlines, _, mail) = await StartAsync(provider);
        await using var _ = app;
        var firm = await app.SecuritiesFirmAsync();
        var officer = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "officer@saebyeok.example").Select(u => u.Id).SingleAsync());
        deadlines.Set(firm, new Deadline("csp-evaluation/9", "CSP 정기 평가", new DateOnly(2026, 11, 6), "/csp-evaluations/9", officer));

        var result = await app.Services.GetRequiredService<DeadlineReminders>().RunAsync(CancellationToken.None);

        result.Sent.ShouldBe(1);
        var only = Mails(mail).Single();
        only.To.Mailboxes.Single().Address.ShouldBe("officer@saebyeok.example");
        only.Subject!.ShouldContain("7일 전");
        (await app.WithDbAsync(db => db.SentReminders.Select(r => r.DaysBefore).ToListAsync(), firm)).ShouldBe([7]);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Two_app_instances_running_reminders_together_send_each_once(string provider)
    {
        var (app, deadlines, _, mail) = await StartAsync(provider);
        await using var _ = app;
        await using var second = FinCloudApp.Start(app);
        var bank = await app.BankAsync();
        deadlines.Set(bank, Enumerable.Range(1, 5).Select(i => new Deadline($"k/{i}", $"기한 {i}", DueOn.AddDays(-i), "/x")).ToArray());

        var results = await Task.WhenAll(
            app.Services.GetRequiredService<DeadlineReminders>().RunAsync(CancellationToken.None),
            second.Services.GetRequiredService<DeadlineReminders>().RunAsync(CancellationToken.None));

        results.Sum(r => r.Sent).ShouldBe(15);
        Mails(mail).Count.ShouldBe(15);
        (await app.WithDbAsync(db => db.SentReminders.CountAsync(), bank)).ShouldBe(15);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_failed_send_is_retried_on_the_next_run(string provider)
    {
        var (deadlines, clock, services) = TestDeadlines.Create(Start);
        var flaky = new FlakyMail();
        await using var app = await FinCloudApp.StartAsync(provider, services: s =>
        {
            services(s);
            s.AddSingleton<IMailSender>(flaky);
        }, settings: new Dictionary<string, string> { ["Jobs:Enabled"] = "false" });
        deadlines.Set(await app.BankAsync(), new Deadline("k/1", "기한", DueOn, "/x"));
        var reminders = app.Services.GetRequiredService<DeadlineReminders>();

        flaky.Failing = true;
        (await reminders.RunAsync(CancellationToken.None)).Failed.ShouldBe(3);
        flaky.Failing = false;
        (await reminders.RunAsync(CancellationToken.None)).Sent.ShouldBe(3);
        flaky.Delivered.ShouldBe(3);
    }

    private sealed class FlakyMail : IMailSender
    {
        public bool Failing { get; set; }

        public int Delivered { get; private set; }

        public Task SendAsync(OutgoingMail mail, CancellationToken ct)
        {
            if (Failing)
            {
                throw new IOException("SMTP server unavailable");
            }

            Delivered++;
            return Task.CompletedTask;
        }
    }
}
