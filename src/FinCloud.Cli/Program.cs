using System.CommandLine;

var root = new RootCommand("FinCloud — 클라우드 이용·망분리·업무연속성 규정 준수 도구 (rules, calendar, scan)");
return root.Parse(args).Invoke();
