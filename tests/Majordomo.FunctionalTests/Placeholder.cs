namespace Majordomo.FunctionalTests;
