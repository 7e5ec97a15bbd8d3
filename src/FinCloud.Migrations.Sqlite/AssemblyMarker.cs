namespace FinCloud.Migrations.Sqlite;
internal static class AssemblyMarker;
