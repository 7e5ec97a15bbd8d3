using FinCloud.Core.CloudUse;
using FinCloud.Rules.CloudUse;
using FinCloud.Web.Features.CloudUse;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinCloud.Web.Tests.CloudUse;

/// <summary>Registers a CSP and a SaaS and opens a case through the same handlers the API and pages call.</summary>
public static class CloudUseSetup
{
    public static readonly DateOnly AsOf = new(2026, 11, 2);

    public static Task<Guid> ServiceAsync(FinCloudApp app, Guid organizationId) =>
        app.WithDbAsync(async db =>
        {
            var provider = (await RegistryApi.TryRegisterProviderAsync("테스트클라우드 " + Guid.NewGuid().ToString("N")[..6], db, CancellationToken.None))!;
            var service = ((Created<ServiceDto>)(await RegistryApi.RegisterServiceAsync(provider.Id, new RegisterServiceRequest("상담 SaaS", ServiceModel.Saas, "kr-central-1", true), db, CancellationToken.None)).Result).Value!;
            return service.Id;
        }, organizationId);

    public static Task<CaseDto> OpenAsync(FinCloudApp app, Guid organizationId, Guid serviceId, bool personalCreditInfo, DateOnly? signedOn = null) =>
        app.WithDbAsync(async db =>
        {
            var facts = new CaseFacts(false, personalCreditInfo, false, null, signedOn ?? new DateOnly(2026, 11, 30), new DateOnly(2027, 1, 4));
            var result = await CloudUseApi.OpenAsync(serviceId, new OpenCaseRequest("고객상담 챗봇", facts, AsOf), db, CancellationToken.None);
            return ((Created<CaseDto>)result.Result).Value!;
        }, organizationId);

    /// <summary>Constitutes a committee of two (quorum 2), tables the case and has both vote for it, then resolves.</summary>
    public static Task<ResolutionDto> ApproveAsync(FinCloudApp app, Guid organizationId, Guid caseId, bool material = false) =>
        app.WithDbAsync(async db =>
        {
            var users = db.Memberships.Select(m => m.UserId).Distinct().ToList();
            var members = new List<Guid>();
            var committee = await CommitteeApi.EnsureCommitteeAsync(db, CancellationToken.None);
            await db.SaveChangesAsync();
            foreach (var user in users.Take(2))
            {
                var member = CommitteeMember.Appoint(committee.Id, user, members.Count == 0, db.Clock.GetUtcNow());
                db.CommitteeMembers.Add(member);
                members.Add(member.Id);
            }

            if (users.Count < 2)
            {
                // Fresh test organisations have no people: stand-in member ids are enough for the vote count.
                for (var i = members.Count; i < 2; i++)
                {
                    var member = CommitteeMember.Appoint(committee.Id, Guid.CreateVersion7(), i == 0, db.Clock.GetUtcNow());
                    db.CommitteeMembers.Add(member);
                    members.Add(member.Id);
                }
            }

            await db.SaveChangesAsync();
            var meeting = (await CommitteeApi.ScheduleAsync(new ScheduleMeetingRequest("제4차 정보보호위원회", AsOf.AddDays(10)), db, CancellationToken.None)).Value!;
            var item = ((Created<AgendaItemDto>)(await CommitteeApi.TableCaseAsync(meeting.Id, caseId, db, CancellationToken.None)).Result).Value!;
            foreach (var m in members)
            {
                await CommitteeApi.VoteAsync(item.Id, new RecordVoteRequest(m, VoteChoice.For), db, CancellationToken.None);
            }

            var resolved = await CommitteeApi.ResolveAsync(item.Id, new ResolveRequest("원안 가결", material), db, CancellationToken.None);
            return ((Ok<ResolutionDto>)resolved.Result).Value!;
        }, organizationId);
}
