using FinCloud.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinCloud.Core.Features.Continuity;

internal static class ContinuityModel
{
    internal static void Owned<T>(EntityTypeBuilder<T> builder)
        where T : class, Tenancy.ITenantOwned =>
        builder.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
}

internal sealed class ContinuityProfileConfiguration : IEntityTypeConfiguration<ContinuityProfile>
{
    public void Configure(EntityTypeBuilder<ContinuityProfile> builder)
    {
        ContinuityModel.Owned(builder);
        builder.HasIndex(p => p.OrganizationId).IsUnique();
        builder.Property(p => p.InsuranceCategory).HasMaxLength(40);
        builder.Property(p => p.DrCategory).HasMaxLength(40);
        builder.Property(p => p.DrCapacityTarget).HasPrecision(5, 4);
        builder.OwnsMany(p => p.Registrations, r => r.ToJson());
        builder.Ignore(p => p.Weights);
        builder.Ignore(p => p.Insured);
        builder.Ignore(p => p.DrInstitution);
    }
}

internal sealed class BusinessProcessConfiguration : IEntityTypeConfiguration<BusinessProcess>
{
    public void Configure(EntityTypeBuilder<BusinessProcess> builder)
    {
        ContinuityModel.Owned(builder);
        builder.HasIndex(p => new { p.OrganizationId, p.Code }).IsUnique();
        builder.Property(p => p.Code).HasMaxLength(40);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Department).HasMaxLength(100);
        builder.Property(p => p.CoreRationale).HasMaxLength(1000);
        builder.OwnsMany(p => p.Impacts, i => i.ToJson());
        builder.Ignore(p => p.Curve);
        builder.Ignore(p => p.Rto);
    }
}

internal sealed class ItAssetConfiguration : IEntityTypeConfiguration<ItAsset>
{
    public void Configure(EntityTypeBuilder<ItAsset> builder)
    {
        ContinuityModel.Owned(builder);
        builder.HasIndex(a => new { a.OrganizationId, a.Code }).IsUnique();
        builder.Property(a => a.Code).HasMaxLength(40);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.DrMode).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.DrCapacityShare).HasPrecision(5, 4);
        builder.HasOne<DrSite>().WithMany().HasForeignKey(a => a.DrSiteId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ContinuityDependencyConfiguration : IEntityTypeConfiguration<ContinuityDependency>
{
    public void Configure(EntityTypeBuilder<ContinuityDependency> builder)
    {
        ContinuityModel.Owned(builder);
        builder.HasIndex(d => new { d.OrganizationId, d.DependantId, d.DependencyId }).IsUnique();
        builder.Property(d => d.DependantKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.DependencyKind).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class DrSiteConfiguration : IEntityTypeConfiguration<DrSite>
{
    public void Configure(EntityTypeBuilder<DrSite> builder)
    {
        ContinuityModel.Owned(builder);
        builder.HasIndex(s => s.OrganizationId);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Region).HasMaxLength(100);
        builder.Property(s => s.Carriers).HasMaxLength(200);
    }
}

internal sealed class ContinuityDrillConfiguration : IEntityTypeConfiguration<ContinuityDrill>
{
    public void Configure(EntityTypeBuilder<ContinuityDrill> builder)
    {
        ContinuityModel.Owned(builder);
        builder.HasIndex(d => new { d.OrganizationId, d.PlannedOn });
        builder.Property(d => d.Title).HasMaxLength(200);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Scenario).HasMaxLength(500);
        builder.Property(d => d.ProcedureVersionUsed).HasMaxLength(200);
        builder.Property(d => d.Summary).HasMaxLength(2000);
        builder.PrimitiveCollection(d => d.ScopeAssetIds);
    }
}

internal sealed class DrillSystemRunConfiguration : IEntityTypeConfiguration<DrillSystemRun>
{
    public void Configure(EntityTypeBuilder<DrillSystemRun> builder)
    {
        ContinuityModel.Owned(builder);
        builder.HasIndex(r => new { r.OrganizationId, r.DrillId, r.AssetId }).IsUnique();
        builder.HasOne<ContinuityDrill>().WithMany().HasForeignKey(r => r.DrillId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ItAsset>().WithMany().HasForeignKey(r => r.AssetId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Result).HasMaxLength(500);
    }
}

internal sealed class DrillFindingConfiguration : IEntityTypeConfiguration<DrillFinding>
{
    public void Configure(EntityTypeBuilder<DrillFinding> builder)
    {
        ContinuityModel.Owned(builder);
        builder.HasIndex(f => new { f.OrganizationId, f.DrillId });
        builder.HasOne<ContinuityDrill>().WithMany().HasForeignKey(f => f.DrillId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(f => f.Text).HasMaxLength(1000);
        builder.Property(f => f.Severity).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class RemediationTaskConfiguration : IEntityTypeConfiguration<RemediationTask>
{
    public void Configure(EntityTypeBuilder<RemediationTask> builder)
    {
        ContinuityModel.Owned(builder);
        builder.HasIndex(t => new { t.OrganizationId, t.Status });
        builder.HasOne<DrillFinding>().WithMany().HasForeignKey(t => t.FindingId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.Title).HasMaxLength(500);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Outcome).HasMaxLength(1000);
    }
}

internal sealed class LinkedThirdPartyServiceConfiguration : IEntityTypeConfiguration<LinkedThirdPartyService>
{
    public void Configure(EntityTypeBuilder<LinkedThirdPartyService> builder)
    {
        ContinuityModel.Owned(builder);
        builder.HasIndex(s => new { s.OrganizationId, s.Name });
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Provider).HasMaxLength(200);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Risk).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Monitoring).HasMaxLength(1000);
        builder.Property(s => s.DamagesClause).HasMaxLength(1000);
        builder.Property(s => s.ExitPlan).HasMaxLength(2000);
        builder.Property(s => s.AlternativeProvider).HasMaxLength(200);
    }
}

internal sealed class LiabilityPolicyConfiguration : IEntityTypeConfiguration<LiabilityPolicy>
{
    public void Configure(EntityTypeBuilder<LiabilityPolicy> builder)
    {
        ContinuityModel.Owned(builder);
        builder.HasIndex(p => p.OrganizationId);
        builder.Property(p => p.Insurer).HasMaxLength(200);
        builder.Property(p => p.Reference).HasMaxLength(100);
        builder.OwnsMany(p => p.CoveredTypes, t => t.ToJson());
        builder.Ignore(p => p.Terms);
    }
}

internal sealed class ElectronicFinanceIncidentConfiguration : IEntityTypeConfiguration<ElectronicFinanceIncident>
{
    public void Configure(EntityTypeBuilder<ElectronicFinanceIncident> builder)
    {
        ContinuityModel.Owned(builder);
        builder.HasIndex(i => new { i.OrganizationId, i.Stage });
        builder.Property(i => i.Title).HasMaxLength(200);
        builder.Property(i => i.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Severity).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Actions).HasMaxLength(2000);
        builder.PrimitiveCollection(i => i.CriteriaMet);
        builder.OwnsMany(i => i.Timeline, t => t.ToJson());
        builder.Ignore(i => i.Facts);
        builder.Ignore(i => i.Outage);
        builder.HasOne<ItAsset>().WithMany().HasForeignKey(i => i.AssetId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IncidentReportSubmissionConfiguration : IEntityTypeConfiguration<IncidentReportSubmission>
{
    public void Configure(EntityTypeBuilder<IncidentReportSubmission> builder)
    {
        ContinuityModel.Owned(builder);
        builder.HasIndex(s => new { s.OrganizationId, s.IncidentId, s.Stage, s.Sequence }).IsUnique();
        builder.HasOne<ElectronicFinanceIncident>().WithMany().HasForeignKey(s => s.IncidentId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Reference).HasMaxLength(100);
    }
}

internal sealed class EmergencyProcedureConfiguration : IEntityTypeConfiguration<EmergencyProcedure>
{
    public void Configure(EntityTypeBuilder<EmergencyProcedure> builder)
    {
        ContinuityModel.Owned(builder);
        builder.HasIndex(p => new { p.OrganizationId, p.Scenario, p.Version }).IsUnique();
        builder.Property(p => p.Scenario).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.Steps).HasMaxLength(8000);
        builder.Ignore(p => p.Label);
    }
}

internal sealed class EmergencyRoleConfiguration : IEntityTypeConfiguration<EmergencyRole>
{
    public void Configure(EntityTypeBuilder<EmergencyRole> builder)
    {
        ContinuityModel.Owned(builder);
        builder.HasIndex(r => r.OrganizationId);
        builder.Property(r => r.Body).HasMaxLength(100);
        builder.Property(r => r.Role).HasMaxLength(100);
        builder.Property(r => r.Responsibilities).HasMaxLength(2000);
    }
}

internal sealed class JointDrillConfiguration : IEntityTypeConfiguration<JointDrill>
{
    public void Configure(EntityTypeBuilder<JointDrill> builder)
    {
        ContinuityModel.Owned(builder);
        builder.HasIndex(d => new { d.OrganizationId, d.WindowFrom });
        builder.Property(d => d.Title).HasMaxLength(200);
        builder.Property(d => d.Scenario).HasMaxLength(1000);
        builder.Property(d => d.ExternalInstitutions).HasMaxLength(500);
        builder.Property(d => d.Sector).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.PrimitiveCollection(d => d.InvitedOrganizationIds);
    }
}

internal sealed class JointDrillParticipationConfiguration : IEntityTypeConfiguration<JointDrillParticipation>
{
    public void Configure(EntityTypeBuilder<JointDrillParticipation> builder)
    {
        ContinuityModel.Owned(builder);
        // One participation per joint drill and institution; the drill belongs to the supervisor, so no foreign key to it.
        builder.HasIndex(p => new { p.OrganizationId, p.JointDrillId }).IsUnique();
        builder.HasIndex(p => new { p.SupervisorOrganizationId, p.Status });
        builder.Property(p => p.SupervisorName).HasMaxLength(200);
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.Scenario).HasMaxLength(1000);
        builder.Property(p => p.ExternalInstitutions).HasMaxLength(500);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Issues).HasMaxLength(2000);
        builder.HasOne<ContinuityDrill>().WithMany().HasForeignKey(p => p.DrillId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(p => p.Systems, s => s.ToJson());
    }
}

internal sealed class JointDrillResultConfiguration : IEntityTypeConfiguration<JointDrillResult>
{
    public void Configure(EntityTypeBuilder<JointDrillResult> builder)
    {
        ContinuityModel.Owned(builder);
        builder.HasIndex(r => new { r.OrganizationId, r.JointDrillId });
        builder.HasIndex(r => new { r.OrganizationId, r.SourceParticipationId }).IsUnique();
        builder.Property(r => r.InstitutionName).HasMaxLength(200);
        builder.Property(r => r.Sector).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Issues).HasMaxLength(2000);
        builder.HasOne<JointDrill>().WithMany().HasForeignKey(r => r.JointDrillId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(r => r.Systems, s => s.ToJson());
    }
}
