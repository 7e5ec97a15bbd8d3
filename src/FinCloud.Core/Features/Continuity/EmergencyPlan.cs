using FinCloud.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Core.Features.Continuity;

/// <summary>비상대책: versioned response procedures per scenario and the response organisation.</summary>
public static class EmergencyPlan
{
    public static async Task<EmergencyProcedure> NewVersionAsync(FinCloudDbContext db, DisasterScenario scenario, string title, string steps, DateOnly reviewedOn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var previous = await db.EmergencyProcedures.Where(p => p.Scenario == scenario).ToListAsync(ct);
        foreach (var current in previous.Where(p => p.IsCurrent))
        {
            current.Supersede();
        }

        var version = previous.Count == 0 ? 1 : previous.Max(p => p.Version) + 1;
        var procedure = EmergencyProcedure.NewVersion(scenario, version, title, steps, reviewedOn, db.Clock.GetUtcNow());
        db.EmergencyProcedures.Add(procedure);
        db.Audit(AuditEventType.EmergencyProcedureVersioned, nameof(EmergencyProcedure), procedure.Id,
            previous.Count == 0 ? null : $"version={version - 1}", $"scenario={scenario}; version={version}");
        await db.SaveChangesAsync(ct);
        return procedure;
    }

    public static async Task<EmergencyProcedure?> ReviewAsync(FinCloudDbContext db, Guid id, DateOnly reviewedOn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var procedure = await db.EmergencyProcedures.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (procedure is null)
        {
            return null;
        }

        var before = procedure.ReviewedOn;
        procedure.Reviewed(reviewedOn);
        db.Audit(AuditEventType.EmergencyProcedureReviewed, nameof(EmergencyProcedure), id, $"reviewed={before:yyyy-MM-dd}", $"reviewed={reviewedOn:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        return procedure;
    }

    public static async Task<EmergencyRole> AddRoleAsync(FinCloudDbContext db, string body, string role, string responsibilities, Guid? holderId, Guid? deputyId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entry = EmergencyRole.Create(body, role, responsibilities, holderId, deputyId, db.Clock.GetUtcNow());
        db.EmergencyRoles.Add(entry);
        db.Audit(AuditEventType.EmergencyRoleSaved, nameof(EmergencyRole), entry.Id, after: $"holder={holderId}; deputy={deputyId}");
        await db.SaveChangesAsync(ct);
        return entry;
    }

    /// <summary>Names who holds a role and the deputy; a vacant role shows as a gap on the plan page.</summary>
    public static async Task<EmergencyRole?> AssignRoleAsync(FinCloudDbContext db, Guid id, Guid? holderId, Guid? deputyId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var role = await db.EmergencyRoles.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (role is null)
        {
            return null;
        }

        var before = $"holder={role.HolderId}; deputy={role.DeputyId}";
        role.Assign(holderId, deputyId);
        db.Audit(AuditEventType.EmergencyRoleSaved, nameof(EmergencyRole), role.Id, before, $"holder={holderId}; deputy={deputyId}");
        await db.SaveChangesAsync(ct);
        return role;
    }

    /// <summary>Edits a role of the response organisation: its body, name, duties, holder and deputy.</summary>
    public static async Task<EmergencyRole?> UpdateRoleAsync(FinCloudDbContext db, Guid id, string body, string role, string responsibilities, Guid? holderId, Guid? deputyId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entry = await db.EmergencyRoles.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (entry is null)
        {
            return null;
        }

        // Role names and duties are organisational text, but holders are people: the audit names only their ids.
        var before = $"holder={entry.HolderId}; deputy={entry.DeputyId}";
        entry.Update(body, role, responsibilities, holderId, deputyId);
        db.Audit(AuditEventType.EmergencyRoleUpdated, nameof(EmergencyRole), entry.Id, before, $"holder={holderId}; deputy={deputyId}");
        await db.SaveChangesAsync(ct);
        return entry;
    }

    /// <summary>Holder and deputy must be members of the organisation in scope (the tenant filter); messages are keyed by field.</summary>
    public static async Task<Dictionary<string, string>> CheckPeopleAsync(FinCloudDbContext db, Guid? holderId, Guid? deputyId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var errors = new Dictionary<string, string>();
        var ids = new[] { holderId, deputyId }.OfType<Guid>().ToList();
        var members = ids.Count == 0 ? [] : await db.Memberships.Where(m => ids.Contains(m.UserId)).Select(m => m.UserId).ToListAsync(ct);
        if (holderId is { } h && !members.Contains(h))
        {
            errors["holderId"] = "담당자는 기관의 사용자여야 합니다";
        }

        if (deputyId is { } d && !members.Contains(d))
        {
            errors["deputyId"] = "대행자는 기관의 사용자여야 합니다";
        }
        else if (deputyId is not null && deputyId == holderId)
        {
            errors["deputyId"] = "대행자는 담당자와 다른 사람이어야 합니다";
        }

        return errors;
    }
}
