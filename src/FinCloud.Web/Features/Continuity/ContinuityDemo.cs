using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.Features.Continuity;
using FinCloud.Core.Identity;
using FinCloud.Core.Tenancy;
using FinCloud.Rules;
using FinCloud.Rules.Calendar;
using FinCloud.Rules.Continuity;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.Continuity;

/// <summary>
/// Demo continuity register of a mid-size bank: 40 processes, 120 systems and infrastructure, 3 CSPs, 10 third
/// parties, quarterly drills over two years, 6 incidents, an insurance policy with a per-incident shortfall, the
/// emergency plan. Deterministic, written in one transaction; one audit event per kind of record says what was seeded.
/// Nothing in it is overdue or due within 30 days of the seeding day: the deadline board and reminder e-mails of a
/// fresh demo start quiet, and what a user records shows up alone.
/// </summary>
public static class ContinuityDemo
{
    private static readonly string[] ProcessNames =
    [
        "예금 입출금", "계좌이체", "타행이체(금융공동망)", "인터넷뱅킹 로그인", "모바일뱅킹 거래", "ATM 출금", "체크카드 승인", "신용카드 승인",
        "외화 송금", "환전", "대출 실행", "대출 상환", "여신 심사", "담보 관리", "펀드 매매", "신탁 관리", "방카슈랑스 판매", "전자어음",
        "지로·공과금 수납", "급여이체", "CMS 자동이체", "콜센터 상담", "고객 인증(본인확인)", "부정거래탐지", "자금세탁방지 모니터링", "영업점 창구",
        "일일 결산", "월말 결산", "재무회계", "규제 보고", "신용정보 조회", "고객 정보 변경", "카드 발급", "가상계좌", "오픈뱅킹 API",
        "퇴직연금", "기업 뱅킹", "외환 딜링", "리스크 관리", "인사·급여",
    ];

    private static readonly string[] Domains =
    [
        "계정계", "정보계", "대외계", "인터넷뱅킹", "모바일뱅킹", "카드", "외환", "여신", "수신", "신탁", "펀드", "방카", "콜센터", "CRM",
        "FDS", "AML", "회계", "결산", "보고", "오픈API", "기업뱅킹", "연금", "영업점", "ATM", "인증",
    ];

    private static readonly string[] Parts = ["AP", "DB"];

    private static readonly string[] InfrastructureNames =
        ["코어 네트워크", "대외 전용선 게이트웨이", "SAN 스토리지", "DB 클러스터", "방화벽", "DNS·로드밸런서", "백업 시스템", "통합인증(SSO)", "HSM", "모니터링"];

    private static readonly DrMode[] Modes = [DrMode.Warm, DrMode.Cold, DrMode.None, DrMode.Hot];

    public static async Task SeedAsync(IServiceProvider services, Guid organizationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinCloudDbContext>();
        db.Tenant.Enter(organizationId, null, ActorKind.System);
        if (await db.BusinessProcesses.AnyAsync(ct))
        {
            return;
        }

        var now = db.Clock.GetUtcNow();
        var today = KoreanTime.Today(db.Clock);
        var random = new Random(20231013); // fixed seed: the same demo every time

        var profile = ContinuityProfile.Create(ContinuitySnapshot.DefaultProfile(Core.Organizations.InstitutionSector.Bank) with { TotalAssetsKrw = 45_000_000_000_000 }, now);
        db.ContinuityProfiles.Add(profile);

        var primary = DrSite.Create("여의도 주전산센터", DrSiteRole.Primary, "서울 영등포구", "KT, SK브로드밴드", now);
        var drSite = DrSite.Create("안성 재해복구센터", DrSiteRole.DisasterRecovery, "경기 안성", "KT, LG U+", now);
        var backup = DrSite.Create("대전 백업센터", DrSiteRole.BackupOnly, "대전 유성구", "KT", now);
        db.DrSites.AddRange(primary, drSite, backup);

        var processes = new List<BusinessProcess>();
        for (var i = 0; i < ProcessNames.Length; i++)
        {
            var core = i < 14;
            var rto = core ? (i % 3 == 0 ? 60 : i % 3 == 1 ? 120 : 180) : (i % 4 == 0 ? 240 : i % 4 == 1 ? 480 : i % 4 == 2 ? 1440 : 4320);
            var scale = core ? 400_000_000L + (random.Next(0, 20) * 50_000_000L) : 20_000_000L + (random.Next(0, 20) * 10_000_000L);
            var score = core ? 4 : random.Next(0, 3);
            processes.Add(BusinessProcess.Create(new BusinessProcessInput($"BP-{i + 1:00}", ProcessNames[i], core ? "디지털금융본부" : "경영지원본부", rto, core ? 0 : 60,
                core, core ? "고객 자금 이동·대외 결제망 연계: 중단 시 시간당 손실과 민원·규제 영향이 큼 (BIA 2026)" : null,
                [
                    new(TimeSpan.FromHours(1), scale, score, Math.Max(0, score - 1), Math.Max(0, score - 1)),
                    new(TimeSpan.FromHours(4), scale * 5, Math.Min(5, score + 1), score, score),
                    new(TimeSpan.FromHours(24), scale * 20, Math.Min(5, score + 1), Math.Min(5, score + 1), Math.Min(5, score + 1)),
                ]), now));
        }

        db.BusinessProcesses.AddRange(processes);

        var infrastructure = InfrastructureNames.Select((name, i) => ItAsset.Create(new ItAssetInput($"INF-{i + 1:00}", name, ItAssetKind.Infrastructure, i == 6 ? 480 : 60,
                i == 6 ? DrMode.Warm : DrMode.ActiveActive, drSite.Id, 1m, i == 1, i == 1 ? 4 : 0, i == 1 ? 2 : 0), now)).ToList();
        var systems = new List<ItAsset>();
        foreach (var domain in Domains)
        {
            foreach (var part in Parts)
            {
                systems.Add(ItAsset.Create(new ItAssetInput($"SYS-{systems.Count + 1:000}", $"{domain} {part}", ItAssetKind.System, random.Next(0, 6) == 0 ? 90 : 60,
                    DrMode.Hot, drSite.Id, 1m, domain is "대외계" or "카드" or "외환" or "ATM" or "오픈API", 2, 2), now));
            }
        }

        for (var i = systems.Count; i < 110; i++)
        {
            var mode = Modes[i % Modes.Length];
            systems.Add(ItAsset.Create(new ItAssetInput($"SYS-{i + 1:000}", $"업무지원 {i + 1 - (Domains.Length * Parts.Length):00}", ItAssetKind.System, i < 64 ? 60 : 240 + (random.Next(0, 8) * 60),
                mode, mode == DrMode.None ? null : drSite.Id, 0.5m, false, 0, 0), now));
        }

        // Deliberate weaknesses for the checks to find (the S2 findings): a core system without DR, DR capacity at
        // half of production, external lines on one carrier only, a system built for a slower recovery.
        systems[2].Update(new ItAssetInput(systems[2].Code, systems[2].Name, ItAssetKind.System, 120, DrMode.Hot, drSite.Id, 0.5m, true, 2, 2));
        systems[9].Update(new ItAssetInput(systems[9].Code, systems[9].Name, ItAssetKind.System, 240, DrMode.Warm, drSite.Id, 1m, false, 0, 0));
        systems[11].Update(new ItAssetInput(systems[11].Code, systems[11].Name, ItAssetKind.System, 120, DrMode.Hot, drSite.Id, 1m, true, 1, 1));
        systems[37].Update(new ItAssetInput(systems[37].Code, systems[37].Name, ItAssetKind.System, null, DrMode.None, null, null, false, 0, 0));
        var csps = new[] { ("CSP-01", "가상클라우드 A (IaaS)", 120), ("CSP-02", "가상클라우드 B (SaaS 상담)", 240), ("CSP-03", "가상클라우드 C (백업)", 1440) }
            .Select(c => ItAsset.Create(new ItAssetInput(c.Item1, c.Item2, ItAssetKind.CloudProvider, c.Item3, DrMode.ActiveActive, null, 1m, false, 0, 0), now)).ToList();
        db.ItAssets.AddRange(infrastructure);
        db.ItAssets.AddRange(systems);
        db.ItAssets.AddRange(csps);

        var thirdParties = new (string Name, string Provider, LinkedServiceKind Kind, int Minutes, bool Damages, bool Exit, string? Alternative)[]
        {
            ("휴대폰 본인인증", "가나인증", LinkedServiceKind.Authentication, 60, true, true, "다라인증 (이중화)"),
            ("휴대폰 본인인증 (예비)", "다라인증", LinkedServiceKind.Authentication, 60, true, true, "가나인증"),
            ("SMS·알림톡 발송", "마바메시징", LinkedServiceKind.Messaging, 240, false, false, null),
            ("전자지급결제대행(PG)", "사아페이", LinkedServiceKind.Payment, 120, true, false, null),
            ("공동인증서 검증", "자차인증센터", LinkedServiceKind.Authentication, 120, true, true, null),
            ("신용정보 조회", "카타신용정보", LinkedServiceKind.Other, 180, true, true, "파하신용정보"),
            ("부정거래탐지 SaaS", "가상클라우드 B", LinkedServiceKind.Cloud, 240, false, true, null),
            ("콜센터 클라우드", "가상클라우드 B", LinkedServiceKind.Cloud, 480, true, true, null),
            ("오픈뱅킹 중계", "금융결제원", LinkedServiceKind.Payment, 60, true, false, null),
            ("클라우드 백업", "가상클라우드 C", LinkedServiceKind.Cloud, 1440, true, true, null),
        }.Select((t, i) => LinkedThirdPartyService.Create(new ThirdPartyInput(t.Name, t.Provider, t.Kind, t.Minutes, t.Kind != LinkedServiceKind.Authentication || i == 4,
            i == 6 ? null : today.AddMonths(-(i + 2)), i is 2 or 6 ? RiskRating.High : RiskRating.Medium, i != 2, i == 2 ? null : "월간 SLA·장애 보고 검토",
            t.Damages ? "장애·정보유출 시 손해배상 (직전 12개월 수수료 한도)" : null, t.Exit ? "계약 종료 90일 전 통지, 데이터 반환·파기 확인" : null, t.Alternative,
            today.AddYears(1).AddMonths(i)), now)).ToList();
        db.LinkedThirdPartyServices.AddRange(thirdParties);

        var dependencies = new List<ContinuityDependency>();
        void Link(DependencyNodeKind fromKind, Guid from, DependencyNodeKind toKind, Guid to)
        {
            if (from != to && !dependencies.Any(d => d.DependantId == from && d.DependencyId == to))
            {
                dependencies.Add(ContinuityDependency.Create(fromKind, from, toKind, to, now));
            }
        }

        for (var i = 0; i < processes.Count; i++)
        {
            // Each process uses its domain's AP, which uses the DB; core work also the 대외계 and 인증.
            var ap = systems[(i % Domains.Length) * 2];
            Link(DependencyNodeKind.Process, processes[i].Id, DependencyNodeKind.Asset, ap.Id);
            Link(DependencyNodeKind.Process, processes[i].Id, DependencyNodeKind.Asset, systems[50 + (i % 60)].Id);
            if (i < 14)
            {
                Link(DependencyNodeKind.Process, processes[i].Id, DependencyNodeKind.Asset, systems[4].Id); // 대외계 AP
                Link(DependencyNodeKind.Process, processes[i].Id, DependencyNodeKind.Asset, systems[48].Id); // 인증 AP
            }
        }

        for (var d = 0; d < Domains.Length; d++)
        {
            var ap = systems[d * 2];
            var database = systems[(d * 2) + 1];
            Link(DependencyNodeKind.Asset, ap.Id, DependencyNodeKind.Asset, database.Id);
            Link(DependencyNodeKind.Asset, database.Id, DependencyNodeKind.Asset, infrastructure[3].Id);
            Link(DependencyNodeKind.Asset, ap.Id, DependencyNodeKind.Asset, infrastructure[0].Id);
        }

        for (var s = 50; s < systems.Count; s++)
        {
            Link(DependencyNodeKind.Asset, systems[s].Id, DependencyNodeKind.Asset, infrastructure[s % infrastructure.Count].Id);
            if (s % 20 == 0)
            {
                Link(DependencyNodeKind.Asset, systems[s].Id, DependencyNodeKind.Asset, csps[s / 20 % 3].Id);
            }
        }

        Link(DependencyNodeKind.Asset, infrastructure[0].Id, DependencyNodeKind.Asset, infrastructure[2].Id);
        Link(DependencyNodeKind.Asset, infrastructure[3].Id, DependencyNodeKind.Asset, infrastructure[2].Id);
        Link(DependencyNodeKind.Asset, infrastructure[2].Id, DependencyNodeKind.Asset, infrastructure[6].Id); // backup at 8 h behind core storage: a conflict
        Link(DependencyNodeKind.Asset, systems[48].Id, DependencyNodeKind.ThirdParty, thirdParties[0].Id);
        Link(DependencyNodeKind.Asset, systems[48].Id, DependencyNodeKind.ThirdParty, thirdParties[4].Id);
        Link(DependencyNodeKind.Asset, systems[8].Id, DependencyNodeKind.ThirdParty, thirdParties[2].Id); // SMS at 4 h under 모바일뱅킹
        Link(DependencyNodeKind.Asset, systems[4].Id, DependencyNodeKind.ThirdParty, thirdParties[8].Id);
        Link(DependencyNodeKind.Asset, systems[10].Id, DependencyNodeKind.ThirdParty, thirdParties[3].Id);
        Link(DependencyNodeKind.Asset, systems[28].Id, DependencyNodeKind.ThirdParty, thirdParties[6].Id);
        Link(DependencyNodeKind.Asset, systems[24].Id, DependencyNodeKind.ThirdParty, thirdParties[7].Id);
        Link(DependencyNodeKind.Asset, systems[38].Id, DependencyNodeKind.ThirdParty, thirdParties[5].Id);
        Link(DependencyNodeKind.Asset, infrastructure[6].Id, DependencyNodeKind.ThirdParty, thirdParties[9].Id);
        Link(DependencyNodeKind.Asset, systems[6].Id, DependencyNodeKind.Asset, csps[0].Id);
        db.ContinuityDependencies.AddRange(dependencies);

        // Quarterly drills over two years, each on a rotating third of the core systems plus some others.
        var rollup = ContinuitySnapshot.Rollup(processes, [.. infrastructure, .. systems, .. csps], thirdParties, dependencies);
        var coreIds = processes.Where(p => p.IsCore).Select(p => p.Id.ToString()).ToHashSet();
        var coreSystems = systems.Where(s => rollup.Nodes[s.Id.ToString()].GoverningProcessId is { } g && coreIds.Contains(g)).ToList();
        var drillCount = 0;
        for (var quarter = 8; quarter >= 1; quarter--)
        {
            var day = HolidayCalendar.Default.NextBusinessDayOnOrAfter(today.AddMonths(-3 * quarter).AddDays(-10));
            var drilled = coreSystems.Where((_, k) => k % 3 == quarter % 3).Concat(systems.Skip(70 + (quarter * 5)).Take(4)).Distinct().ToList();
            var drill = ContinuityDrill.Plan($"{day.Year}년 {((day.Month - 1) / 3) + 1}분기 재해복구 전환훈련", quarter % 4 == 0 ? DrillKind.Full : DrillKind.Switchover,
                quarter % 2 == 0 ? "주전산센터 화재로 전산센터 전체 소실" : "주전산센터 네트워크 장애", day, [.. drilled.Select(s => s.Id)], quarter != 5, now);
            drill.RecordExecution(day, quarter > 4 ? "전산센터 소실 v1" : "전산센터 소실 v2", "전환 및 복귀 완료");
            db.ContinuityDrills.Add(drill);
            drillCount++;
            var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(22, 0)), KoreanTime.Offset);
            foreach (var (system, k) in drilled.Select((s, k) => (s, k)))
            {
                var rto = rollup.Nodes[system.Id.ToString()].EffectiveRto ?? TimeSpan.FromMinutes(system.DesignedRecoveryMinutes ?? 1440);
                // Mostly within the RTO; older drills and a few systems run over (poorly automated switchover, S2).
                var ratio = ((k + quarter) % 7 == 0 ? 1.25 : 0.55 + (random.Next(0, 35) / 100.0)) + (quarter > 5 ? 0.1 : 0);
                var achieved = TimeSpan.FromMinutes(Math.Round(rto.TotalMinutes * ratio));
                var result = DrillEvaluation.Evaluate(new DrillStep(system.Id.ToString(), rto, start, start + achieved, true));
                db.DrillSystemRuns.Add(DrillSystemRun.Record(drill.Id, system.Id, (int)rto.TotalMinutes, start, start + achieved, true,
                    (int)achieved.TotalMinutes, result.Met, 4 + (k % 3), 2 + (quarter % 3), result.Reason, now));
                if (!result.Met)
                {
                    var finding = DrillFinding.Raise(drill.Id, system.Id, $"'{system.Name}' RTO 미달성: {result.Reason}", FindingSeverity.High, now);
                    db.DrillFindings.Add(finding);
                    var task = RemediationTask.Open(finding.Id, $"개선: '{system.Name}' 전환 자동화", CivilPeriod.DueAfterMonths(day, 1, HolidayCalendar.Default), null, now);
                    // Completed: the demo starts with no overdue work, so the deadline board and reminders stay quiet.
                    task.Complete("DR 기동 스크립트 자동화 적용", now);

                    db.RemediationTasks.Add(task);
                }
            }
        }

        db.ContinuityDrills.Add(ContinuityDrill.Plan($"{today.Year}년 하반기 전면 전환훈련", DrillKind.Full, "주전산센터 화재로 전산센터 전체 소실",
            today, [.. coreSystems.Take(6).Select(s => s.Id)], true, now));

        var kst = KoreanTime.Offset;
        DateTimeOffset Ago(int days, int hour) => new(today.AddDays(-days).ToDateTime(new TimeOnly(hour, 0)), kst);
        var incidents = new[]
        {
            ElectronicFinanceIncident.Register(new IncidentInput("모바일뱅킹 응답 지연", IncidentType.Outage, Ago(200, 10), Ago(200, 10), Ago(200, 10).AddMinutes(15), 80_000, null, [], systems[8].Id, Severity.Low, "WAS 재기동"), now),
            ElectronicFinanceIncident.Register(new IncidentInput("인터넷뱅킹 접속 장애", IncidentType.Outage, Ago(150, 9), Ago(150, 9), Ago(150, 9).AddMinutes(45), 1_200_000, null, [], systems[6].Id, Severity.High, "DB 세션 폭증, 커넥션 풀 조정"), now),
            ElectronicFinanceIncident.Register(new IncidentInput("오픈뱅킹 API 오류", IncidentType.Outage, Ago(90, 14), Ago(90, 14), Ago(90, 14).AddMinutes(12), 30_000, null, [], systems[38].Id, Severity.Medium, "인증서 갱신 누락"), now),
            ElectronicFinanceIncident.Register(new IncidentInput("관리자 계정 무차별 대입 시도", IncidentType.Security, Ago(60, 3), Ago(60, 4), null, null, null, [], systems[48].Id, Severity.Medium, "계정 잠금, 접근 IP 차단"), now),
            ElectronicFinanceIncident.Register(new IncidentInput("보이스피싱 이체 피해 (소액)", IncidentType.CustomerLoss, Ago(30, 11), Ago(30, 12), null, null, 2_000_000, [], null, Severity.Low, "지급정지"), now),
            ElectronicFinanceIncident.Register(new IncidentInput("대포통장 연계 부정이체", IncidentType.CustomerLoss, Ago(75, 16), Ago(75, 18), null, null, 520_000_000, [MajorIncidentCriterion.Amount, MajorIncidentCriterion.Reputation], null, Severity.Critical, "피해 고객 보상 협의 중"), now),
        };
        incidents[0].Advance(IncidentStage.Closed, "원인 조치 완료", Ago(200, 12));
        incidents[1].Advance(IncidentStage.Closed, "재발 방지 대책 시행", Ago(120, 12));
        incidents[2].Advance(IncidentStage.Closed, "인증서 갱신 자동화", Ago(89, 12));
        incidents[3].Advance(IncidentStage.Recovered, "차단 완료, 분석 중", Ago(59, 12));
        incidents[5].Advance(IncidentStage.Responding, "수사기관 공조", Ago(74, 12));
        db.Incidents.AddRange(incidents);
        db.IncidentReportSubmissions.Add(IncidentReportSubmission.Record(incidents[1].Id, ReportStage.Initial, 1, "EFARS-2026-0412", Ago(150, 15)));
        db.IncidentReportSubmissions.Add(IncidentReportSubmission.Record(incidents[1].Id, ReportStage.Final, 1, "EFARS-2026-0518", Ago(119, 10)));
        db.IncidentReportSubmissions.Add(IncidentReportSubmission.Record(incidents[5].Id, ReportStage.Initial, 1, "EFARS-2026-0733", Ago(75, 20)));
        db.IncidentReportSubmissions.Add(IncidentReportSubmission.Record(incidents[0].Id, ReportStage.Initial, 1, "EFARS-2026-0301", Ago(200, 15)));
        db.IncidentReportSubmissions.Add(IncidentReportSubmission.Record(incidents[0].Id, ReportStage.Final, 1, "EFARS-2026-0302", Ago(199, 10)));
        db.IncidentReportSubmissions.Add(IncidentReportSubmission.Record(incidents[2].Id, ReportStage.Initial, 1, "EFARS-2026-0655", Ago(90, 18)));
        db.IncidentReportSubmissions.Add(IncidentReportSubmission.Record(incidents[2].Id, ReportStage.Final, 1, "EFARS-2026-0660", Ago(88, 10)));
        db.IncidentReportSubmissions.Add(IncidentReportSubmission.Record(incidents[3].Id, ReportStage.Initial, 1, "EFARS-2026-0701", Ago(60, 9)));
        db.IncidentReportSubmissions.Add(IncidentReportSubmission.Record(incidents[3].Id, ReportStage.Intermediate, 1, "EFARS-2026-0702", Ago(1, 9)));
        db.IncidentReportSubmissions.Add(IncidentReportSubmission.Record(incidents[5].Id, ReportStage.Intermediate, 1, "EFARS-2026-0790", Ago(15, 9)));

        db.LiabilityPolicies.Add(LiabilityPolicy.Create(new PolicyInput("가상화재해상보험", "EFL-2026-0001", today.AddMonths(-6), today.AddMonths(6), 2_000_000_000, 1_000_000_000,
            [new(InsuredIncidentType.ForgedAccessMedia, 2_000_000_000), new(InsuredIncidentType.TransmissionOrProcessing, 2_000_000_000), new(InsuredIncidentType.FraudulentlyObtainedAccessMedia, 2_000_000_000)],
            today.AddMonths(-6)), now));

        var scenarios = new (DisasterScenario Scenario, string Title, int MonthsAgo)[]
        {
            (DisasterScenario.DataCentreLoss, "전산센터 소실 대응 절차", 3),
            (DisasterScenario.Fire, "전산실 화재 대응 절차", 8),
            (DisasterScenario.Network, "대외 네트워크 장애 대응 절차", 5),
            (DisasterScenario.CspOutage, "클라우드 서비스 장애 대응 절차", 9),
            (DisasterScenario.ThirdPartyOutage, "본인인증 업체 장애 시 예비 업체 전환 절차", 2),
        };
        foreach (var (scenario, title, monthsAgo) in scenarios)
        {
            if (scenario == DisasterScenario.DataCentreLoss)
            {
                var old = EmergencyProcedure.NewVersion(scenario, 1, title, "1. 비상대책위원회 소집\n2. 재해 선포\n3. DR 전환", today.AddMonths(-20), now);
                old.Supersede();
                db.EmergencyProcedures.Add(old);
            }

            db.EmergencyProcedures.Add(EmergencyProcedure.NewVersion(scenario, scenario == DisasterScenario.DataCentreLoss ? 2 : 1, title,
                "1. 상황 인지·보고 (15분 이내)\n2. 비상대책위원회 소집, 재해 선포 판단\n3. 시스템별 전환 절차 수행 (자동 기동 우선)\n4. 대외기관 전용선 전환 확인\n5. 고객·감독당국 통지\n6. 복귀 계획 수립",
                today.AddMonths(-monthsAgo), now));
        }

        var people = (await db.Memberships.AsNoTracking().Select(m => new { m.UserId, m.Role }).ToListAsync(ct));
        Guid? Person(OrganizationRole role) => people.FirstOrDefault(p => p.Role == role)?.UserId;
        db.EmergencyRoles.AddRange(
            EmergencyRole.Create("비상대책위원회", "위원장", "재해 선포, 전환 승인, 대외 발표", Person(OrganizationRole.Ciso), Person(OrganizationRole.Administrator), now),
            EmergencyRole.Create("비상대책위원회", "간사", "상황 기록, 감독당국 보고 총괄", Person(OrganizationRole.Officer), null, now),
            EmergencyRole.Create("복구팀", "팀장", "시스템별 전환·복구 지휘, RTO 관리", Person(OrganizationRole.Administrator), Person(OrganizationRole.Officer), now),
            EmergencyRole.Create("대외협력팀", "팀장", "금융결제원·제3자 업체 연락, 고객 공지", null, null, now),
            EmergencyRole.Create("점검팀", "팀원", "훈련 결과 검증, 개선 과제 추적", Person(OrganizationRole.Auditor), null, now));

        db.Audit(AuditEventType.ContinuityProfileSaved, nameof(ContinuityProfile), profile.Id, after: "demo seed");
        db.Audit(AuditEventType.BusinessProcessSaved, nameof(BusinessProcess), null, after: $"demo seed; processes={processes.Count}");
        db.Audit(AuditEventType.ItAssetSaved, nameof(ItAsset), null, after: $"demo seed; assets={infrastructure.Count + systems.Count + csps.Count}");
        db.Audit(AuditEventType.DependencyAdded, nameof(ContinuityDependency), null, after: $"demo seed; dependencies={dependencies.Count}");
        db.Audit(AuditEventType.ThirdPartyServiceSaved, nameof(LinkedThirdPartyService), null, after: $"demo seed; services={thirdParties.Count}");
        db.Audit(AuditEventType.DrillExecutionRecorded, nameof(ContinuityDrill), null, after: $"demo seed; drills={drillCount}");
        db.Audit(AuditEventType.IncidentRegistered, nameof(ElectronicFinanceIncident), null, after: $"demo seed; incidents={incidents.Length}");
        db.Audit(AuditEventType.LiabilityPolicySaved, nameof(LiabilityPolicy), null, after: "demo seed");
        db.Audit(AuditEventType.EmergencyProcedureVersioned, nameof(EmergencyProcedure), null, after: "demo seed");
        await db.SaveChangesAsync(ct);
    }
}
