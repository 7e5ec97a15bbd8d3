using FinCloud.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Core.Audit;

/// <summary>Checks one organisation's hash chain and names the first broken link.</summary>
public static class AuditChain
{
    /// <summary>Verifies events already ordered by sequence against the chain head (null: no event was ever written).</summary>
    public static AuditChainVerification Verify(IEnumerable<AuditEvent> ordered, AuditChainHead? head)
    {
        long expected = 1;
        var previousHash = AuditEvent.GenesisHash;
        long count = 0;
        foreach (var e in ordered)
        {
            if (e.Sequence != expected)
            {
                return Broken(count, expected, e.Id, e.Sequence > expected
                    ? $"event {expected} is missing: found {e.Sequence} next"
                    : $"sequence {e.Sequence} is out of order");
            }

            if (!string.Equals(e.PreviousHash, previousHash, StringComparison.Ordinal))
            {
                return Broken(count, e.Sequence, e.Id, "it does not point to its predecessor's hash");
            }

            if (!string.Equals(e.ComputeHash(), e.Hash, StringComparison.Ordinal))
            {
                return Broken(count, e.Sequence, e.Id, "its content no longer matches its hash");
            }

            previousHash = e.Hash;
            expected++;
            count++;
        }

        var lastSequence = expected - 1;
        var headSequence = head?.LastSequence ?? 0;
        if (headSequence != lastSequence || !string.Equals(head?.LastHash ?? AuditEvent.GenesisHash, previousHash, StringComparison.Ordinal))
        {
            return Broken(count, lastSequence + 1, null, headSequence > lastSequence
                ? $"events {lastSequence + 1} to {headSequence} are missing from the end"
                : "the chain head does not match the last event");
        }

        return new AuditChainVerification(true, count, null);
    }

    /// <summary>Verifies the chain of the organisation in scope.</summary>
    public static async Task<AuditChainVerification> VerifyAsync(FinCloudDbContext db, CancellationToken ct)
    {
        db.Tenant.RequireOrganization();
        var events = await db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(ct);
        var head = await db.AuditChainHeads.AsNoTracking().SingleOrDefaultAsync(ct);
        return Verify(events, head);
    }

    /// <summary>Verifies one organisation's chain from operator tooling, without entering the organisation.</summary>
    public static async Task<AuditChainVerification> VerifyOrganizationAsync(FinCloudDbContext db, Guid organizationId, CancellationToken ct)
    {
        var events = await db.AuditEvents.AcrossTenants(AcrossTenantsReason.OperatorVerification).AsNoTracking()
            .Where(e => e.OrganizationId == organizationId).OrderBy(e => e.Sequence).ToListAsync(ct);
        var head = await db.AuditChainHeads.AcrossTenants(AcrossTenantsReason.OperatorVerification).AsNoTracking()
            .SingleOrDefaultAsync(h => h.OrganizationId == organizationId, ct);
        return Verify(events, head);
    }

    private static AuditChainVerification Broken(long intact, long sequence, Guid? eventId, string reason) =>
        new(false, intact, new BrokenLink(sequence, eventId, reason));
}

/// <summary>The outcome of a verification: how many events verified before the first broken link, if any.</summary>
public sealed record AuditChainVerification(bool IsIntact, long VerifiedEvents, BrokenLink? FirstBrokenLink);

/// <summary>The first event that does not verify (its id is null when events are missing from the end).</summary>
public sealed record BrokenLink(long Sequence, Guid? EventId, string Reason)
{
    public override string ToString() => $"#{Sequence}: {Reason}";
}
