using FinCloud.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinCloud.Core.Features.NetworkSeparation;

internal sealed class SeparationExemptionConfiguration : IEntityTypeConfiguration<SeparationExemption>
{
    public void Configure(EntityTypeBuilder<SeparationExemption> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.OrganizationId, e.Status });
        builder.Property(e => e.Title).HasMaxLength(200);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.CatalogueVersion).HasMaxLength(80);
        builder.Property(e => e.LegalBasis).HasMaxLength(1000);
        builder.Property(e => e.DesignationId).HasMaxLength(40);
        builder.Property(e => e.WorkScope).HasMaxLength(1000);
        builder.Property(e => e.SaasName).HasMaxLength(200);
        builder.Property(e => e.CspName).HasMaxLength(200);
        builder.Property(e => e.CommitteeResolution).HasMaxLength(200);
        builder.Property(e => e.RiskAssessment).HasMaxLength(200);
        builder.PrimitiveCollection(e => e.ExcludedData);
    }
}

internal sealed class ExemptionControlAssessmentConfiguration : IEntityTypeConfiguration<ExemptionControlAssessment>
{
    public void Configure(EntityTypeBuilder<ExemptionControlAssessment> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.OrganizationId, a.ExemptionId, a.ControlId, a.Revision }).IsUnique();
        builder.HasOne<SeparationExemption>().WithMany().HasForeignKey(a => a.ExemptionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.ControlId).HasMaxLength(60);
        builder.Property(a => a.Result).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Evidence).HasMaxLength(1000);
        builder.Property(a => a.EvidenceSha256).HasMaxLength(64);
    }
}

internal sealed class FsiSecurityEvaluationConfiguration : IEntityTypeConfiguration<FsiSecurityEvaluation>
{
    public void Configure(EntityTypeBuilder<FsiSecurityEvaluation> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.OrganizationId, e.ExemptionId });
        builder.HasOne<SeparationExemption>().WithMany().HasForeignKey(e => e.ExemptionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.Reference).HasMaxLength(200);
        builder.Property(e => e.Result).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class HalfYearlyControlReviewConfiguration : IEntityTypeConfiguration<HalfYearlyControlReview>
{
    public void Configure(EntityTypeBuilder<HalfYearlyControlReview> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.OrganizationId, r.ExemptionId, r.Year, r.Half }).IsUnique();
        builder.HasOne<SeparationExemption>().WithMany().HasForeignKey(r => r.ExemptionId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(r => r.Period);
        builder.Property(r => r.Outcome).HasMaxLength(2000);
        builder.Property(r => r.CommitteeAgendaItem).HasMaxLength(200);
    }
}

internal sealed class ExemptionDataSetConfiguration : IEntityTypeConfiguration<ExemptionDataSet>
{
    public void Configure(EntityTypeBuilder<ExemptionDataSet> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.OrganizationId, d.ExemptionId });
        builder.HasOne<SeparationExemption>().WithMany().HasForeignKey(d => d.ExemptionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class DataScopeScanConfiguration : IEntityTypeConfiguration<DataScopeScan>
{
    public void Configure(EntityTypeBuilder<DataScopeScan> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.OrganizationId, s.DataSetId });
        builder.HasOne<ExemptionDataSet>().WithMany().HasForeignKey(s => s.DataSetId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.ContentSha256).HasMaxLength(64);
        builder.Property(s => s.FindingCounts).HasMaxLength(1000);
    }
}

internal sealed class DataScopeFindingConfiguration : IEntityTypeConfiguration<DataScopeFinding>
{
    public void Configure(EntityTypeBuilder<DataScopeFinding> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(f => f.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.OrganizationId, f.DataSetId });
        builder.HasOne<DataScopeScan>().WithMany().HasForeignKey(f => f.ScanId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(f => f.FindingType).HasMaxLength(40);
        builder.Property(f => f.Categories).HasMaxLength(200);
        builder.Property(f => f.Resolution).HasMaxLength(1000);
        builder.Ignore(f => f.IsOpen);
    }
}
