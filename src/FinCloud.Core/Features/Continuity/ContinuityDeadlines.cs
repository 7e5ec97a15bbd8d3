using FinCloud.Core.Deadlines;
using FinCloud.Core.Organizations;
using FinCloud.Rules;
using FinCloud.Rules.Continuity;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Core.Features.Continuity;

/// <summary>
/// Continuity deadlines for the board, reminders and calendar: the yearly drill, open remediation tasks, incident
/// reports owed, procedure reviews, and the day a new insurance minimum would leave the cover short.
/// </summary>
public sealed class ContinuityDeadlines : IDeadlineSource
{
    public async Task<IReadOnlyList<Deadline>> OpenDeadlinesAsync(FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        // 전자금융감독규정 binds 금융회사 (and 전자금융업자): the FSI and the FSS owe none of these duties.
        if (!await db.ActsAsAsync(OrganizationKind.FinancialInstitution, ct))
        {
            return [];
        }

        var today = KoreanTime.Today(db.Clock);
        var deadlines = new List<Deadline>();

        var executed = await db.ContinuityDrills.AsNoTracking().Where(d => d.Status == DrillStatus.Executed && d.ExecutedOn != null).Select(d => d.ExecutedOn!.Value).ToListAsync(ct);
        var duty = DrillEvaluation.Duty(executed, today);
        if (!duty.HeldThisYear)
        {
            deadlines.Add(new Deadline($"continuity/drill/{today.Year}", $"{today.Year}년 비상대응훈련 실시·결과 보고", duty.DueBy, "/continuity/drills")
            {
                Category = DeadlineCategory.ContinuityDrill,
                Basis = $"연 1회 이상 (역년 기준), {duty.Provision?.Citation ?? "전자금융감독규정 제24조"} (ED-19)",
            });
        }

        var tasks = await db.RemediationTasks.AsNoTracking().Where(t => t.Status == RemediationStatus.Open).ToListAsync(ct);
        deadlines.AddRange(tasks.Select(t => new Deadline($"continuity/remediation/{t.Id}", t.Title, t.DueOn, "/continuity/drills", t.AssigneeId)
        {
            Category = DeadlineCategory.ContinuityDrill,
            Basis = $"훈련 지적사항 개선: 훈련일 + {Drills.RemediationMonths}개월, 공휴일 순연",
        }));

        // Joint drills the institution has already received (reading the inbox here would write from a read).
        var joint = await db.JointDrillParticipations.AsNoTracking().Where(p => p.Status != ParticipationStatus.Submitted).ToListAsync(ct);
        deadlines.AddRange(joint.Select(p => new Deadline($"continuity/joint-drill/{p.Id}", $"공동 전환훈련 결과 제출: {p.Title}", p.ReportBy, $"/continuity/joint-drill-participations/{p.Id}")
        {
            Category = DeadlineCategory.ContinuityDrill,
            Basis = $"{p.SupervisorName}이(가) 정한 결과 제출 기한",
        }));

        foreach (var view in await Incidents.ListAsync(db, ct))
        {
            foreach (var stage in view.Assessment.Stages.Where(s => !view.IsSubmitted(s)))
            {
                deadlines.Add(new Deadline($"continuity/incident/{view.Incident.Id}/{stage.Stage}-{stage.Sequence}",
                    $"전자금융사고 {StageLabel(stage.Stage)}: {view.Incident.Title}", stage.DueOn, $"/continuity/incidents/{view.Incident.Id}")
                {
                    Category = DeadlineCategory.Other,
                    Basis = stage.Basis,
                });
            }
        }

        var procedures = await db.EmergencyProcedures.AsNoTracking().Where(p => p.IsCurrent).ToListAsync(ct);
        deadlines.AddRange(procedures.Select(p => new Deadline($"continuity/procedure-review/{p.Id}", $"비상대응 절차 검토: {p.Label}", p.ReviewedOn.AddMonths(12), "/continuity/plan")
        {
            Category = DeadlineCategory.ContinuityDrill,
            Basis = "최종 검토일 + 12개월 (절차 최신화, S2)",
        }));

        var profile = await db.ContinuityProfiles.AsNoTracking().SingleOrDefaultAsync(ct);
        if (profile is not null)
        {
            var policies = (await db.LiabilityPolicies.AsNoTracking().ToListAsync(ct)).Select(p => p.Terms).ToList();
            if (InsuranceCompliance.NextShortfallOn(profile.Insured, policies, profile.ReserveKrw, today) is { } on)
            {
                deadlines.Add(new Deadline($"continuity/insurance/{on:yyyy-MM-dd}", "책임이행보험 기준금액 상향 전 보상한도 증액", on.AddDays(-1), "/continuity/insurance")
                {
                    Category = DeadlineCategory.Insurance,
                    Basis = $"{on:yyyy-MM-dd} 시행 기준금액에 미달 (전자금융감독규정 제5조, ED-18)",
                });
            }
        }

        return deadlines;
    }

    public static string StageLabel(ReportStage stage) => stage switch
    {
        ReportStage.Initial => "최초보고",
        ReportStage.Intermediate => "중간보고",
        ReportStage.Final => "종결보고",
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };
}
