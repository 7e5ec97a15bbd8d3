using System.Buffers.Binary;
using FinCloud.Core.ApiAccess;
using FinCloud.Core.Audit;
using FinCloud.Core.Deadlines;
using FinCloud.Core.CloudUse;
using FinCloud.Core.Features.Continuity;
using FinCloud.Core.Features.Exchange;
using FinCloud.Core.Features.FsiEvaluations;
using FinCloud.Core.Features.NetworkSeparation;
using FinCloud.Core.Features.Supervision;
using FinCloud.Core.Identity;
using FinCloud.Core.Organizations;
using FinCloud.Core.Persistence;
using FinCloud.Core.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Core;

/// <summary>
/// The one context. Tenant-owned rows are filtered by the named <c>"Tenant"</c> filter and guarded on save;
/// audit events added before <see cref="SaveChangesAsync(bool, CancellationToken)"/> are chained and
/// committed in the same transaction as the change they describe.
/// </summary>
public sealed class FinCloudDbContext(DbContextOptions<FinCloudDbContext> options, TenantContext tenant, TimeProvider clock)
    : IdentityDbContext<FinCloudUser, IdentityRole<Guid>, Guid>(options)
{
    public TenantContext Tenant { get; } = tenant;

    public TimeProvider Clock { get; } = clock;

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<SingleSignOn> SingleSignOns => Set<SingleSignOn>();

    public DbSet<ProvisionedAccount> ProvisionedAccounts => Set<ProvisionedAccount>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();

    public DbSet<SentReminder> SentReminders => Set<SentReminder>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    public DbSet<CloudProvider> CloudProviders => Set<CloudProvider>();

    public DbSet<CloudService> CloudServices => Set<CloudService>();

    public DbSet<CspCertificate> CspCertificates => Set<CspCertificate>();

    public DbSet<CspEvaluation> CspEvaluations => Set<CspEvaluation>();

    public DbSet<CspEvaluationOutcome> CspEvaluationOutcomes => Set<CspEvaluationOutcome>();

    public DbSet<CloudUseCase> CloudUseCases => Set<CloudUseCase>();

    public DbSet<CloudUseCaseVersion> CloudUseCaseVersions => Set<CloudUseCaseVersion>();

    public DbSet<CloudUseTaskItem> CloudUseTasks => Set<CloudUseTaskItem>();

    public DbSet<TaskComment> TaskComments => Set<TaskComment>();

    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();

    public DbSet<WorkForm> WorkForms => Set<WorkForm>();

    public DbSet<SecurityCommittee> SecurityCommittees => Set<SecurityCommittee>();

    public DbSet<CommitteeMember> CommitteeMembers => Set<CommitteeMember>();

    public DbSet<CommitteeMeeting> CommitteeMeetings => Set<CommitteeMeeting>();

    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();

    public DbSet<CommitteeVote> CommitteeVotes => Set<CommitteeVote>();

    public DbSet<BoardReportItem> BoardReportItems => Set<BoardReportItem>();

    public DbSet<ReportPackage> ReportPackages => Set<ReportPackage>();

    public DbSet<SeparationExemption> SeparationExemptions => Set<SeparationExemption>();

    public DbSet<ExemptionControlAssessment> ExemptionControlAssessments => Set<ExemptionControlAssessment>();

    public DbSet<FsiSecurityEvaluation> FsiSecurityEvaluations => Set<FsiSecurityEvaluation>();

    public DbSet<HalfYearlyControlReview> HalfYearlyControlReviews => Set<HalfYearlyControlReview>();

    public DbSet<ExemptionDataSet> ExemptionDataSets => Set<ExemptionDataSet>();

    public DbSet<DataScopeScan> DataScopeScans => Set<DataScopeScan>();

    public DbSet<DataScopeFinding> DataScopeFindings => Set<DataScopeFinding>();

    public DbSet<ContinuityProfile> ContinuityProfiles => Set<ContinuityProfile>();

    public DbSet<BusinessProcess> BusinessProcesses => Set<BusinessProcess>();

    public DbSet<ItAsset> ItAssets => Set<ItAsset>();

    public DbSet<ContinuityDependency> ContinuityDependencies => Set<ContinuityDependency>();

    public DbSet<DrSite> DrSites => Set<DrSite>();

    public DbSet<ContinuityDrill> ContinuityDrills => Set<ContinuityDrill>();

    public DbSet<DrillSystemRun> DrillSystemRuns => Set<DrillSystemRun>();

    public DbSet<DrillFinding> DrillFindings => Set<DrillFinding>();

    public DbSet<RemediationTask> RemediationTasks => Set<RemediationTask>();

    public DbSet<LinkedThirdPartyService> LinkedThirdPartyServices => Set<LinkedThirdPartyService>();

    public DbSet<LiabilityPolicy> LiabilityPolicies => Set<LiabilityPolicy>();

    public DbSet<ElectronicFinanceIncident> Incidents => Set<ElectronicFinanceIncident>();

    public DbSet<IncidentReportSubmission> IncidentReportSubmissions => Set<IncidentReportSubmission>();

    public DbSet<EmergencyProcedure> EmergencyProcedures => Set<EmergencyProcedure>();

    public DbSet<EmergencyRole> EmergencyRoles => Set<EmergencyRole>();

    public DbSet<JointDrill> JointDrills => Set<JointDrill>();

    public DbSet<JointDrillParticipation> JointDrillParticipations => Set<JointDrillParticipation>();

    public DbSet<JointDrillResult> JointDrillResults => Set<JointDrillResult>();

    public DbSet<Features.Scanning.ScanJob> ScanJobs => Set<Features.Scanning.ScanJob>();

    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    public DbSet<TrustedIssuer> TrustedIssuers => Set<TrustedIssuer>();

    public DbSet<ImportedBundle> ImportedBundles => Set<ImportedBundle>();

    public DbSet<ExportedBundle> ExportedBundles => Set<ExportedBundle>();

    public DbSet<Submission> Submissions => Set<Submission>();

    public DbSet<SubmissionMessage> SubmissionMessages => Set<SubmissionMessage>();

    public DbSet<SupplementationRequest> SupplementationRequests => Set<SupplementationRequest>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<PublishedEvaluation> PublishedEvaluations => Set<PublishedEvaluation>();

    public DbSet<PublishedEvaluationItem> PublishedEvaluationItems => Set<PublishedEvaluationItem>();

    public DbSet<ReceivedEvaluation> ReceivedEvaluations => Set<ReceivedEvaluation>();

    public DbSet<Features.Oscal.ImportedCatalogue> ImportedCatalogues => Set<Features.Oscal.ImportedCatalogue>();

    public DbSet<ApiAccess.IdempotencyRecord> IdempotencyRecords => Set<ApiAccess.IdempotencyRecord>();

    public DbSet<CspInquiry> CspInquiries => Set<CspInquiry>();

    public DbSet<CspInquiryAnswer> CspInquiryAnswers => Set<CspInquiryAnswer>();

    public DbSet<Features.Webhooks.WebhookEndpoint> WebhookEndpoints => Set<Features.Webhooks.WebhookEndpoint>();

    public DbSet<Features.Webhooks.WebhookDelivery> WebhookDeliveries => Set<Features.Webhooks.WebhookDelivery>();

    /// <summary>Read by the query filter on every query; EF turns it into a parameter.</summary>
    private Guid? CurrentOrganizationId => Tenant.OrganizationId;

    /// <summary>Adds an audit event for the organisation in scope; it commits with the next save.</summary>
    public AuditEvent Audit(AuditEventType type, string? entityType = null, object? entityId = null, string? before = null, string? after = null)
    {
        var e = AuditEvent.For(type, entityType, entityId, before, after);
        AuditEvents.Add(e);
        return e;
    }

    /// <summary>
    /// Instants are written in UTC on every provider: PostgreSQL's timestamptz refuses other offsets, and an instant
    /// entered in KST (a drill's start, an incident's detection) is the same instant in UTC. Pages show KST.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
    }

    private sealed class UtcInstantConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, DateTimeOffset>(
        instant => instant.ToUniversalTime(), stored => stored);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(FinCloudDbContext).Assembly);
        foreach (var entityType in builder.Model.GetEntityTypes()
                     .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType) && t.BaseType is null))
        {
            typeof(FinCloudDbContext)
                .GetMethod(nameof(ApplyTenantFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(entityType.ClrType)
                .Invoke(this, [builder]);
        }
    }

    private void ApplyTenantFilter<T>(ModelBuilder builder)
        where T : class, ITenantOwned =>
        builder.Entity<T>().HasQueryFilter(TenantQueryFilter.Name, e => e.OrganizationId == CurrentOrganizationId);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        // Identity and EF call the async path; the synchronous one must apply the same guard and chaining.
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardTenancy();
        var pending = ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (Database.CurrentTransaction is not null)
        {
            await ChainAsync(pending, cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // SQLite: BEGIN IMMEDIATE takes the write lock. PostgreSQL: ChainAsync takes an advisory lock.
        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        await ChainAsync(pending, cancellationToken);
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    private void GuardTenancy()
    {
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    var organizationId = Tenant.RequireOrganization();
                    if (entry.Entity.OrganizationId == Guid.Empty)
                    {
                        entry.Entity.OrganizationId = organizationId;
                    }
                    else if (entry.Entity.OrganizationId != organizationId)
                    {
                        throw new TenantViolationException($"A {entry.Metadata.ClrType.Name} for another organisation cannot be added here.");
                    }

                    break;
                case EntityState.Modified or EntityState.Deleted:
                    if (entry.Entity is AuditEvent)
                    {
                        throw new InvalidOperationException("Audit events are append-only.");
                    }

                    var property = entry.Property(nameof(ITenantOwned.OrganizationId));
                    var original = (Guid)property.OriginalValue!;
                    if (original != Tenant.RequireOrganization() || entry.Entity.OrganizationId != original)
                    {
                        throw new TenantViolationException($"A {entry.Metadata.ClrType.Name} of another organisation cannot be changed here.");
                    }

                    break;
                case EntityState.Detached or EntityState.Unchanged:
                    break;
            }
        }
    }

    private async Task ChainAsync(List<AuditEvent> pending, CancellationToken ct)
    {
        var organizationId = Tenant.RequireOrganization();
        var savedBefore = ChangeTracker.Entries<AuditChainHead>().Any();
        if (Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            // Serialises writers of this organisation's chain across connections and app instances until commit.
            var key = BinaryPrimitives.ReadInt64LittleEndian(organizationId.ToByteArray());
            await Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
        }

        var head = await AuditChainHeads.SingleOrDefaultAsync(ct);
        if (head is not null && Entry(head).State == EntityState.Unchanged && savedBefore)
        {
            // A context that saved before keeps its tracked head; another instance may have advanced it since.
            await Entry(head).ReloadAsync(ct);
        }

        if (head is null)
        {
            head = new AuditChainHead { OrganizationId = organizationId };
            AuditChainHeads.Add(head);
        }

        // Milliseconds: SQLite text and PostgreSQL timestamptz both keep them exactly, so hashes verify on either.
        var now = DateTimeOffset.FromUnixTimeMilliseconds(Clock.GetUtcNow().ToUnixTimeMilliseconds());
        foreach (var e in pending)
        {
            e.OrganizationId = organizationId;
            e.Sequence = head.LastSequence + 1;
            e.PreviousHash = head.LastHash;
            e.OccurredAt = now;
            if (e.ActorId is null && e.ActorKind == ActorKind.System)
            {
                e.ActorKind = Tenant.ActorKind;
                e.ActorId = Tenant.ActorId;
            }

            e.Hash = e.ComputeHash();
            head.LastSequence = e.Sequence;
            head.LastHash = e.Hash;
        }
    }
}
