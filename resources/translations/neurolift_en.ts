<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
  <context>
    <name>neurolift::GuidedWizard</name>
    <message numerus="yes">
      <source>%1 and %n more</source>
      <translation>
        <numerusform>%1 and %n more</numerusform>
        <numerusform>%1 and %n more</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>… and %n more (see How It Is Read…)</source>
      <translation>
        <numerusform>… and %n more (see How It Is Read…)</numerusform>
        <numerusform>… and %n more (see How It Is Read…)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>neurolift::TeachingWindow</name>
    <message numerus="yes">
      <source>Not trained yet: %n batch(es) make an epoch</source>
      <translation>
        <numerusform>Not trained yet: %n batch makes an epoch</numerusform>
        <numerusform>Not trained yet: %n batches make an epoch</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>neurolift::Workbench</name>
    <message numerus="yes">
      <source>%n warning(s); the first, line %1: %2</source>
      <translation>
        <numerusform>%n warning; line %1: %2</numerusform>
        <numerusform>%n warnings; the first, line %1: %2</numerusform>
      </translation>
    </message>
  </context>
</TS>