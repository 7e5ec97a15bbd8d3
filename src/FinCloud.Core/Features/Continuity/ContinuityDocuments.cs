using System.Globalization;
using FinCloud.Documents;
using FinCloud.Rules;
using FinCloud.Rules.Continuity;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Core.Features.Continuity;

/// <summary>The module's documents: BIA and drill reports (XLSX, PDF in Korean) and the 정보처리 업무위탁 현황 sheet.</summary>
public static class ContinuityDocuments
{
    private static readonly CultureInfo Ko = CultureInfo.GetCultureInfo("ko-KR");

    public static string Hours(TimeSpan? span) => span is { } s ? DrillEvaluation.Format(s) : "-";

    public static string Share(decimal? share) => share is { } s ? s.ToString("P0", Ko) : "-";

    public static IReadOnlyList<string> BiaProcessHeader { get; } =
        ["우선순위", "업무 코드", "단위업무", "주관 부서", "핵심업무", "지정 사유", "RTO", "RPO", "최대허용중단시간", "1시간 잠재손실(원)", "24시간 잠재손실(원)", "규제 상한", "점검"];

    public static IReadOnlyList<string> BiaAssetHeader { get; } =
        ["시스템 코드", "시스템", "구분", "유효 RTO", "기준 업무", "핵심업무 지원", "DR 방식", "DR 용량", "DR 전용선", "DR 통신사 수"];

    public static IEnumerable<IReadOnlyList<object?>> ProcessRows(ContinuitySnapshot s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.Processes.Select(r => (IReadOnlyList<object?>)
        [
            r.Priority, r.Process.Code, r.Process.Name, r.Process.Department, r.Process.IsCore ? "예" : "아니오", r.Process.CoreRationale ?? "",
            Hours(r.Process.Rto), Hours(TimeSpan.FromMinutes(r.Process.RpoMinutes)), Hours(r.TimeToTolerance), r.LossAt1hKrw, r.LossAt24hKrw,
            r.Ceiling?.Label ?? "", Checks(r),
        ]);
    }

    public static string Checks(ProcessRow r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var notes = new List<string>();
        if (r.ExceedsCeiling)
        {
            notes.Add($"RTO가 규제 상한 {r.Ceiling!.Label} 초과");
        }

        if (r.RtoLooserThanTolerance)
        {
            notes.Add("RTO가 최대허용중단시간보다 김");
        }

        return string.Join("; ", notes);
    }

    public static IEnumerable<IReadOnlyList<object?>> AssetRows(ContinuitySnapshot s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.Assets.Select(r => (IReadOnlyList<object?>)
        [
            r.Asset.Code, r.Asset.Name, r.Asset.Kind.ToString(), Hours(r.EffectiveRto), r.GoverningProcess ?? "", r.ServesCore ? "예" : "아니오",
            r.Asset.DrMode.ToString(), Share(r.Asset.DrCapacityShare), r.Asset.DedicatedLinesAtDr, r.Asset.CarriersAtDr,
        ]);
    }

    public static byte[] BiaXlsx(ContinuitySnapshot s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return XlsxWriter.ToBytes(
            new XlsxSheet("업무영향분석", BiaProcessHeader, ProcessRows(s)),
            new XlsxSheet("IT 시스템", BiaAssetHeader, AssetRows(s)),
            new XlsxSheet("RTO 충돌", ["의존하는 쪽", "의존 대상", "요구 RTO", "대상 복구시간", "기준 업무"],
                s.Conflicts.Select(c => (IReadOnlyList<object?>)[c.Dependant, c.Dependency, Hours(c.Required), Hours(c.DependencyRecoveryTime), c.GoverningProcess])));
    }

    public static ReportDocument BiaReport(ContinuitySnapshot s, string organizationName)
    {
        ArgumentNullException.ThrowIfNull(s);
        var ceiling = s.Processes.FirstOrDefault(p => p.Ceiling is not null)?.Ceiling;
        return new ReportBuilder("업무영향분석(BIA) 보고서").Subtitle(organizationName)
            .Heading("1. 개요")
            .Fields(("기준일", s.Today.ToString("yyyy-MM-dd", Ko)), ("단위업무 수", s.Processes.Count.ToString(Ko)),
                ("핵심업무 수", s.Processes.Count(p => p.Process.IsCore).ToString(Ko)), ("IT 자산 수", s.Assets.Count.ToString(Ko)),
                ("손실 허용 한도", InsuranceCompliance.Won(s.Profile.LossToleranceKrw)), ("핵심업무 RTO 상한", ceiling?.Label ?? "-"))
            .Paragraph("복구 우선순위는 단위업무별 시간대별 잠재손실(재무·고객·규제·평판 영향을 금액으로 환산)로 산정합니다: 손실 허용 한도에 먼저 도달하는 업무가 먼저 복구됩니다 (S2 업무영향분석).")
            .Heading("2. 단위업무와 복구 우선순위")
            .Table(["순위", "업무", "핵심", "RTO", "최대허용중단", "24시간 잠재손실", "점검"],
                s.Processes.Select(r => (IReadOnlyList<string>)[r.Priority.ToString(Ko), r.Process.Name, r.Process.IsCore ? "예" : "", Hours(r.Process.Rto),
                    Hours(r.TimeToTolerance), InsuranceCompliance.Won(r.LossAt24hKrw), Checks(r)]))
            .Heading("3. 핵심업무 지원 시스템의 유효 RTO")
            .Table(["시스템", "유효 RTO", "기준 업무", "DR 방식", "DR 용량"],
                s.Assets.Where(a => a.ServesCore).Select(a => (IReadOnlyList<string>)[a.Asset.Name, Hours(a.EffectiveRto), a.GoverningProcess ?? "", a.Asset.DrMode.ToString(), Share(a.Asset.DrCapacityShare)]))
            .Heading("4. RTO 충돌 (의존 대상의 복구시간이 요구보다 김)")
            .Table(["의존하는 쪽", "의존 대상", "요구", "대상", "기준 업무"],
                s.Conflicts.Select(c => (IReadOnlyList<string>)[c.Dependant, c.Dependency, Hours(c.Required), Hours(c.DependencyRecoveryTime), c.GoverningProcess]))
            .Build();
    }

    public static IReadOnlyList<string> DrillHeader { get; } = ["훈련", "실시일", "유형", "시나리오", "시스템", "RTO", "달성 시간", "결과", "자동 단계", "수동 단계", "사용 절차"];

    /// <summary>Drill report over the executed drills of the 12 months to today (or one drill).</summary>
    public static async Task<(IReadOnlyList<IReadOnlyList<object?>> Runs, IReadOnlyList<IReadOnlyList<object?>> Findings)> DrillRowsAsync(FinCloudDbContext db, Guid? drillId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var today = KoreanTime.Today(db.Clock);
        var from = today.AddMonths(-12);
        var drills = (await db.ContinuityDrills.AsNoTracking().Where(d => d.Status == DrillStatus.Executed && (drillId == null || d.Id == drillId)).ToListAsync(ct))
            .Where(d => drillId is not null || d.ExecutedOn >= from).OrderBy(d => d.ExecutedOn).ToList();
        var ids = drills.Select(d => d.Id).ToList();
        var runs = await db.DrillSystemRuns.AsNoTracking().Where(r => ids.Contains(r.DrillId)).ToListAsync(ct);
        var findings = await db.DrillFindings.AsNoTracking().Where(f => ids.Contains(f.DrillId)).ToListAsync(ct);
        var findingIds = findings.Select(f => f.Id).ToList();
        var tasks = (await db.RemediationTasks.AsNoTracking().Where(t => findingIds.Contains(t.FindingId)).ToListAsync(ct)).ToDictionary(t => t.FindingId);
        var names = await db.ItAssets.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var byDrill = drills.ToDictionary(d => d.Id);
        var runRows = runs.OrderBy(r => byDrill[r.DrillId].ExecutedOn).ThenBy(r => names[r.AssetId], StringComparer.Ordinal).Select(r =>
        {
            var d = byDrill[r.DrillId];
            return (IReadOnlyList<object?>)
            [
                d.Title, d.ExecutedOn, d.Kind.ToString(), d.Scenario, names[r.AssetId], Hours(TimeSpan.FromMinutes(r.RtoMinutes)),
                r.AchievedMinutes is { } m ? Hours(TimeSpan.FromMinutes(m)) : "-", r.Met ? "달성" : "미달성", r.AutomatedSteps, r.ManualSteps, d.ProcedureVersionUsed ?? "",
            ];
        }).ToList();
        var findingRows = findings.OrderBy(f => byDrill[f.DrillId].ExecutedOn).Select(f => (IReadOnlyList<object?>)
        [
            byDrill[f.DrillId].Title, f.Severity.ToString(), f.Text, tasks.TryGetValue(f.Id, out var t) ? t.Title : "", t?.DueOn, t?.Status.ToString() ?? "",
        ]).ToList();
        return (runRows, findingRows);
    }

    public static IReadOnlyList<string> FindingHeader { get; } = ["훈련", "중요도", "지적사항", "개선 과제", "기한", "상태"];

    public static async Task<byte[]> DrillXlsxAsync(FinCloudDbContext db, Guid? drillId, CancellationToken ct)
    {
        var (runs, findings) = await DrillRowsAsync(db, drillId, ct);
        return XlsxWriter.ToBytes(new XlsxSheet("훈련 결과", DrillHeader, runs), new XlsxSheet("지적사항", FindingHeader, findings));
    }

    public static async Task<ReportDocument> DrillReportAsync(FinCloudDbContext db, Guid? drillId, string organizationName, CancellationToken ct)
    {
        var (runs, findings) = await DrillRowsAsync(db, drillId, ct);
        var snapshot = await ContinuitySnapshot.LoadAsync(db, ct);
        static string Cell(object? o) => o switch
        {
            null => "",
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => o.ToString() ?? "",
        };

        return new ReportBuilder("비상대응훈련 결과 보고서").Subtitle(organizationName)
            .Heading("1. 개요")
            .Fields(("기준일", snapshot.Today.ToString("yyyy-MM-dd", Ko)), ("근거", "전자금융감독규정 제24조 (연 1회 이상 비상대응훈련, 결과 보고)"),
                ("핵심 시스템 훈련 커버리지 (12개월)", Share(snapshot.CoverageShare)),
                ("RTO 미달성 시스템 수", runs.Count(r => (string?)r[7] == "미달성").ToString(Ko)))
            .Heading("2. 시스템별 전환 결과 (달성 시간 vs RTO)")
            .Table(["훈련", "실시일", "시스템", "RTO", "달성", "결과", "자동/수동"],
                runs.Select(r => (IReadOnlyList<string>)[Cell(r[0]), Cell(r[1]), Cell(r[4]), Cell(r[5]), Cell(r[6]), Cell(r[7]), $"{Cell(r[8])}/{Cell(r[9])}"]))
            .Heading("3. 지적사항과 개선 과제")
            .Table(["훈련", "중요도", "지적사항", "기한", "상태"], findings.Select(f => (IReadOnlyList<string>)[Cell(f[0]), Cell(f[1]), Cell(f[2]), Cell(f[4]), Cell(f[5])]))
            .Build();
    }

    public static IReadOnlyList<string> OutsourcingHeader { get; } =
        ["서비스", "수탁업체", "유형", "정보처리 업무위탁", "IT위험평가일", "위험도", "선정 실사", "모니터링", "손해배상 조항", "종료 전략", "대체 업체", "핵심업무 의존 수", "계약 종료일", "미비 사항"];

    /// <summary>정보처리 업무위탁 현황 with the IT위험평가 and 손해배상 items the FSS added (S2 measure ③).</summary>
    public static byte[] OutsourcingXlsx(ContinuitySnapshot s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return XlsxWriter.ToBytes(new XlsxSheet("정보처리 업무위탁 현황", OutsourcingHeader, s.ThirdParties.Select(r => (IReadOnlyList<object?>)
        [
            r.Service.Name, r.Service.Provider, r.Service.Kind.ToString(), r.Service.IsOutsourcing ? "예" : "아니오", r.Service.RiskEvaluatedOn, r.Service.Risk?.ToString() ?? "",
            r.Service.DueDiligenceDone ? "완료" : "미실시", r.Service.Monitoring ?? "", r.Service.DamagesClause ?? "없음", r.Service.ExitPlan ?? "없음",
            r.Service.AlternativeProvider ?? "없음", r.CoreProcessCount, r.Service.ContractEnd, string.Join("; ", r.Gaps),
        ])));
    }
}
