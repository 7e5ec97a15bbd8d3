using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Tests.Audit;

/// <summary>Each test works on a new organisation of its own, so tampering never leaks into another test.</summary>
public sealed class AuditChainTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private async Task<(FinCloudApp App, Guid Organization)> AppWithEventsAsync(string provider, int extra = 5)
    {
        var app = await apps.GetAsync(provider);
        var bank = await app.CreateOrganizationAsync();
        for (var i = 0; i < extra; i++)
        {
            await app.WithDbAsync(db =>
            {
                db.Audit(AuditEventType.ApiKeyRevoked, "ApiKey", Guid.NewGuid(), before: "active", after: "revoked");
                return db.SaveChangesAsync();
            }, bank);
        }

        return (app, bank);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Events_form_a_gapless_hash_chain_per_organisation(string provider)
    {
        var (app, bank) = await AppWithEventsAsync(provider);
        var events = await app.WithDbAsync(db => db.AuditEvents.OrderBy(e => e.Sequence).ToListAsync(), bank);
        events.Select(e => e.Sequence).ShouldBe(Enumerable.Range(1, events.Count).Select(i => (long)i));
        events[0].PreviousHash.ShouldBe(AuditEvent.GenesisHash);
        for (var i = 1; i < events.Count; i++)
        {
            events[i].PreviousHash.ShouldBe(events[i - 1].Hash);
        }

        var result = await app.WithDbAsync(db => AuditChain.VerifyAsync(db, CancellationToken.None), bank);
        result.IsIntact.ShouldBeTrue();
        result.VerifiedEvents.ShouldBe(events.Count);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_edited_event_is_named_as_the_first_broken_link(string provider)
    {
        var (app, bank) = await AppWithEventsAsync(provider);
        var target = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Sequence == 4), bank);
        // Tampering straight in the database, past the context's append-only guard.
        await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Id == target.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.After, "active")), bank);

        var result = await app.WithDbAsync(db => AuditChain.VerifyAsync(db, CancellationToken.None), bank);
        result.IsIntact.ShouldBeFalse();
        result.FirstBrokenLink!.Sequence.ShouldBe(4);
        result.FirstBrokenLink.EventId.ShouldBe(target.Id);
        result.VerifiedEvents.ShouldBe(3);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_deleted_event_is_named_as_the_first_broken_link(string provider)
    {
        var (app, bank) = await AppWithEventsAsync(provider);
        await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Sequence == 3).ExecuteDeleteAsync(), bank);

        var result = await app.WithDbAsync(db => AuditChain.VerifyAsync(db, CancellationToken.None), bank);
        result.IsIntact.ShouldBeFalse();
        result.FirstBrokenLink!.Sequence.ShouldBe(3);
        result.FirstBrokenLink.Reason.ShouldContain("missing");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Deleting_the_newest_events_is_detected_through_the_chain_head(string provider)
    {
        var (app, bank) = await AppWithEventsAsync(provider);
        var last = await app.WithDbAsync(db => db.AuditEvents.MaxAsync(e => e.Sequence), bank);
        await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Sequence >= last - 1).ExecuteDeleteAsync(), bank);

        var result = await app.WithDbAsync(db => AuditChain.VerifyAsync(db, CancellationToken.None), bank);
        result.IsIntact.ShouldBeFalse();
        result.FirstBrokenLink!.Sequence.ShouldBe(last - 1);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Concurrent_writers_of_one_organisation_keep_the_chain_gapless(string provider)
    {
        var (app, bank) = await AppWithEventsAsync(provider, extra: 0);
        var before = await app.WithDbAsync(db => db.AuditEvents.CountAsync(), bank);
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await app.WithDbAsync(db =>
                {
                    db.Audit(AuditEventType.ApiKeyCreated, "ApiKey", Guid.NewGuid(), after: $"writer={w}");
                    return db.SaveChangesAsync();
                }, bank);
            }
        }));
        await Task.WhenAll(writers);

        var result = await app.WithDbAsync(db => AuditChain.VerifyAsync(db, CancellationToken.None), bank);
        result.IsIntact.ShouldBeTrue(result.FirstBrokenLink?.ToString());
        result.VerifiedEvents.ShouldBe(before + 20);
    }

    [Fact]
    public void An_event_stored_with_another_instant_no_longer_matches_its_hash()
    {
        var e = AuditEvent.For(AuditEventType.OrganizationCreated, "Organization", Guid.NewGuid());
        var hash = e.ComputeHash();
        e.ComputeHash().ShouldBe(hash);
        typeof(AuditEvent).GetProperty(nameof(AuditEvent.OccurredAt))!.SetValue(e, DateTimeOffset.UnixEpoch.AddDays(1));
        e.ComputeHash().ShouldNotBe(hash);
    }
}
